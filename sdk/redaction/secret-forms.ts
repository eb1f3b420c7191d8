/**
 * The encoded forms of a secret the redactor looks for beyond the secret itself: base64 and
 * base64url (alone or inside a longer run such as `Basic id:secret`) and hex. URL, form and
 * JSON-escaped forms need no list of their own: the redactor searches decoded views for the
 * secret instead, which also catches lower-case percent-encoding and partial escaping.
 */

/** How a form is found and how much of the text around a match it takes with it. */
export type FormKind = 'exact' | 'base64';

/** One string to search for. */
export interface SecretForm {
  text: string;
  kind: FormKind;
}

/** Base64 characters a secret's core can decide alone; shorter cores would match by chance. */
const MIN_BASE64_CORE = 6;

function toUrlAlphabet(base64: string): string {
  return base64.replaceAll('+', '-').replaceAll('/', '_');
}

/**
 * The base64 characters that encode only bytes of `bytes`, for each of the three alignments the
 * bytes can have inside a longer encoded run (`client:secret` puts the secret at any offset).
 * A character covers 6 bits; the ones at either end mix in bits of the neighbouring bytes and
 * are left out, so the core is found whatever surrounds the secret.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, last);
    if (core.length >= MIN_BASE64_CORE) cores.push(core);
  }
  return cores;
}

/** `application/x-www-form-urlencoded` form of a value, as HTTP Basic credentials carry it. */
function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

/** Every form of `secret` to search for, each once. */
export function secretForms(secret: string): SecretForm[] {
  const forms = new Map<string, SecretForm>();
  const put = (text: string, kind: FormKind): void => {
    if (!forms.has(text)) forms.set(text, { text, kind });
  };
  put(secret, 'exact');
  for (const source of new Set([secret, formEncode(secret)])) {
    const bytes = Buffer.from(source, 'utf8');
    for (const core of base64Cores(bytes)) {
      put(core, 'base64');
      put(toUrlAlphabet(core), 'base64');
    }
    const hex = bytes.toString('hex');
    put(hex, 'exact');
    put(hex.toUpperCase(), 'exact');
  }
  return [...forms.values()];
}
