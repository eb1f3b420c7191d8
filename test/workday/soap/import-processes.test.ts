import { parseSoapBody } from '../../../workday/soap/envelope';
import {
  buildGetImportProcessesRequest,
  buildGetImportProcessMessagesRequest,
  importStateOf,
  parseGetImportProcessesResponse,
  parseGetImportProcessMessagesResponse,
} from '../../../workday/soap/import-processes';
import { child, parseXml } from '../../../workday/soap/xml';
import { workdayEnvelope } from './fixtures';

const REFERENCE = [
  { type: 'WID', value: 'aa11' },
  { type: 'Background_Process_Instance_ID', value: 'BPI-7' },
];

describe('Get_Import_Processes and Get_Import_Process_Messages requests', () => {
  it('wrap the reference in Request_References for the status and Request_Criteria for messages', () => {
    const status = parseXml(buildGetImportProcessesRequest(REFERENCE, 'v45.0'));
    const messages = parseXml(buildGetImportProcessMessagesRequest(REFERENCE, 2, 999, 'v45.0'));
    expect(status['Get_Import_Processes_Request']).toEqual({
      Request_References: {
        Import_Process_Reference: {
          ID: [
            { '#text': 'aa11', '@_type': 'WID' },
            { '#text': 'BPI-7', '@_type': 'Background_Process_Instance_ID' },
          ],
        },
      },
      '@_version': 'v45.0',
    });
    expect(messages['Get_Import_Process_Messages_Request']).toMatchObject({
      Request_Criteria: { Import_Process_Reference: { ID: expect.any(Array) } },
      Response_Filter: { Page: '2', Count: '999' },
    });
  });

  it('refuse a reference without IDs as invalid input', () => {
    expect(() => buildGetImportProcessesRequest([], 'v45.0')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});

describe('parseGetImportProcessesResponse()', () => {
  it('reads percent, completion, status ID and Has_Messages', () => {
    const body = parseSoapBody(
      workdayEnvelope(
        '<wd:Get_Import_Processes_Response><wd:Response_Data><wd:Import_Process>' +
          '<wd:Import_Process_Reference><wd:ID wd:type="WID">aa11</wd:ID></wd:Import_Process_Reference>' +
          '<wd:Import_Process_Data><wd:Process_Description>Import</wd:Process_Description>' +
          '<wd:Percent_Complete>100</wd:Percent_Complete>' +
          '<wd:Process_Completed_DateTime>2026-03-31T10:00:00-07:00</wd:Process_Completed_DateTime>' +
          '<wd:Status_Reference wd:Descriptor="Completed with Warnings"><wd:ID wd:type="WID">f00</wd:ID>' +
          '<wd:ID wd:type="Background_Process_Instance_Status_ID">CompletedWithWarnings</wd:ID></wd:Status_Reference>' +
          '<wd:Has_Messages>1</wd:Has_Messages></wd:Import_Process_Data>' +
          '</wd:Import_Process></wd:Response_Data></wd:Get_Import_Processes_Response>',
      ),
    );
    expect(
      parseGetImportProcessesResponse(child(body, 'Get_Import_Processes_Response') ?? {}),
    ).toEqual({
      reference: [{ type: 'WID', value: 'aa11' }],
      description: 'Import',
      percentComplete: 100,
      completedAt: '2026-03-31T10:00:00-07:00',
      status: 'CompletedWithWarnings',
      statusDescriptor: 'Completed with Warnings',
      hasMessages: true,
      headerReference: [],
      state: 'completed_with_warnings',
    });
  });

  it('returns undefined when Workday lists no process', () => {
    expect(parseGetImportProcessesResponse({})).toBeUndefined();
  });
});

describe('parseGetImportProcessMessagesResponse()', () => {
  it('reads severity, summary and line number, and the page count', () => {
    const body = parseSoapBody(
      workdayEnvelope(
        '<wd:Get_Import_Process_Messages_Response><wd:Response_Results><wd:Total_Pages>3</wd:Total_Pages></wd:Response_Results>' +
          '<wd:Response_Data><wd:Import_Process_Message><wd:Import_Process_Message_Data>' +
          '<wd:Severity>ERROR</wd:Severity><wd:Message_Summary>Bad account</wd:Message_Summary>' +
          '<wd:Line_Number>12.0</wd:Line_Number></wd:Import_Process_Message_Data></wd:Import_Process_Message>' +
          '</wd:Response_Data></wd:Get_Import_Process_Messages_Response>',
      ),
    );
    expect(
      parseGetImportProcessMessagesResponse(
        child(body, 'Get_Import_Process_Messages_Response') ?? {},
      ),
    ).toEqual({
      messages: [{ severity: 'ERROR', summary: 'Bad account', lineNumber: 12 }],
      totalPages: 3,
    });
  });
});

describe('importStateOf()', () => {
  it.each([
    ['Processing', undefined, 'running'],
    ['In Progress', undefined, 'running'],
    ['Completed', '2026-01-01T00:00:00Z', 'completed'],
    ['Completed_With_Errors', '2026-01-01T00:00:00Z', 'completed_with_errors'],
    ['Failed', undefined, 'failed'],
    ['Something_New', undefined, 'running'],
    ['Something_New', '2026-01-01T00:00:00Z', 'unknown'],
  ])('reads %s (completed at %s) as %s', (status, completedAt, state) => {
    expect(importStateOf(status, completedAt)).toBe(state);
  });
});
