#!/usr/bin/env bash
# Issue 16's "Done when" run, by hand (minutes, so not part of `npm test`): a 100,000-line CSV
# journal imported from `bin/connector exec` against `bin/connector sandbox --faults SPEC`, one
# fresh sandbox per fault (none, lost receipt, reset, 503, 500, timeout), then one journal with
# three refused lines. Prints wall time and peak RSS (GNU time), the result, and the sandbox's
# counters: exactly once = imports.received 1 and journals 1 under every fault.
# Usage: bench/import-100k-cli.sh [all|lost|timeout]   (needs /usr/bin/time and a built dist/)
set -u
C="$(cd "$(dirname "$0")/.." && pwd)/bin/connector"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
node -e '
const fs=require("fs");
for (const [file, bad] of [["j100k.csv", []], ["j100k-bad.csv", [10, 50001, 99998]]]) {
  const out=["ledger_account,debit,credit,memo,worktag.Cost_Center_Reference_ID"];
  for (let i=0;i<100000;i+=2){const c=(i%997)*100+125;const t=`${Math.floor(c/100)}.${String(c%100).padStart(2,"0")}`;
    out.push(`${bad.includes(i)?"9999":"6000"},${t},,"Allocation ${i}, part A",CC-100`,`${bad.includes(i+1)?"9998":"2100"},,${t},Allocation ${i},`);}
  fs.writeFileSync(file,out.join("\n")+"\n");
}'
run() {
  local name=$1 spec=$2 extra=$3
  rm -f settings.json
  if [ -n "$spec" ]; then $C sandbox --write-settings settings.json --faults "$spec" > sb-$name.log 2>&1 &
  else $C sandbox --write-settings settings.json > sb-$name.log 2>&1 & fi
  local pid=$!
  for i in $(seq 50); do [ -s settings.json ] && grep -q listening sb-$name.log && break; sleep 0.2; done
  local P; P=$(grep -o '127.0.0.1:[0-9]*' sb-$name.log | head -1)
  curl -s -XPOST http://$P/_sandbox/import-delay -H 'content-type: application/json' -d '{"ms":2000}' >/dev/null
  printf '{"journal_id":"JE-100K-%s","company":"GMS_USA","currency":"USD","accounting_date":"2026-03-31","journal_source":"Integration","csv":{"file":"%s"}%s}' "$name" "${CSV:-j100k.csv}" "$extra" > in-$name.json
  /usr/bin/time -v $C exec actions.import_journal_entry --settings settings.json --connection us --input in-$name.json > out-$name.json 2> err-$name.txt
  local rc=$?
  sleep ${SETTLE:-3}
  local st; st=$(curl -s http://$P/_sandbox/state)
  echo "== $name rc=$rc $(grep -o 'Elapsed.*' err-$name.txt) $(grep -o 'Maximum resident.*' err-$name.txt)"
  echo "   out: $(node -e 'const o=require("./out-'$name'.json");console.log(JSON.stringify({state:o.state,duplicate:o.duplicate,line_count:o.line_count,messages:o.messages.map((m)=>[m.line,m.csv_line,m.message]),note:o.note}))' 2>&1)"
  echo "   state: $(node -e 'const s=JSON.parse(process.argv[1]);console.log(JSON.stringify({import_requests:s.requests.byRoute["soap.Import_Accounting_Journal"],get_journals:s.requests.byRoute["soap.Get_Journals"],imports:s.imports.acme_us,journals:s.journals.acme_us,fired:s.faults.fired}))' "$st")"
  echo "   progress lines on stderr: $(grep -c 'Validating\|Uploading\|Workday processing' err-$name.txt); stdout lines: $(wc -l < out-$name.json)"
  kill $pid; wait $pid 2>/dev/null
}
case "${1:-all}" in
lost) run lost 'loseResponseAfterCommit.match=Import_Accounting_Journal,loseResponseAfterCommit.count=1' "" ;;
timeout) SETTLE=40 run timeout 'latencyMs=90000,latencyMatch=Import_Accounting_Journal,latencyCount=1' ',"upload_timeout_seconds":60' ;;
*)
run none "" ""
run lost 'loseResponseAfterCommit.match=Import_Accounting_Journal,loseResponseAfterCommit.count=1' ""
run reset 'resetBeforeResponse.match=Import_Accounting_Journal,resetBeforeResponse.count=1' ""
run 503 'serverError.status=503,serverError.match=Import_Accounting_Journal,serverError.count=1' ""
run 500 'serverError.status=500,serverError.match=Import_Accounting_Journal,serverError.count=1' ""
SETTLE=40 run timeout 'latencyMs=90000,latencyMatch=Import_Accounting_Journal,latencyCount=1' ',"upload_timeout_seconds":60'
CSV=j100k-bad.csv run refused "" ""
;;
esac
