import { describe, expect, it } from 'vitest';
import {
  csvField,
  csvOf,
  describeData,
  LEDGER_EXPORT_HEADERS,
  ledgerExportRow,
  programDateTimeOf,
  UTF8_BOM,
} from '../../../../shared/domain/ledger/export-table';
import { chainEntry, GENESIS_HASH } from '../../../../shared/domain/ledger/hash-chain';

/** RFC 4180 reader, to check what csvOf writes reads back cell for cell. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
};

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['海宁,盐官', '"海宁,盐官"'],
    ['他说"好"', '"他说""好"""'],
    ['两行\n文字', '"两行\n文字"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+86 573', "'+86 573"],
    ['@SUM', "'@SUM"],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('csvOf', () => {
  it('starts with the UTF-8 BOM, ends rows with CRLF, and reads back cell for cell', () => {
    const rows = [
      ['1', '企业说："宿舍不够, 还差 800 间"', '第一行\r\n第二行'],
      ['2', '', '-'],
    ];

    const text = csvOf(['序号', '说明', '备注'], rows);

    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(text.slice(1))).toEqual([['序号', '说明', '备注'], rows[0], ['2', '', "'-"]]);
  });
});

describe('ledgerExportRow', () => {
  it('renders an entry in the Chinese columns, at Shanghai wall-clock time, with the unit’s name', () => {
    const entry = chainEntry(
      {
        issueId: 'I1',
        seq: 4,
        at: '2026-03-02T16:30:00.000Z',
        actor: { sub: 'dept-user', role: 'department' },
        action: 'returned',
        fromStatus: 'assigned',
        toStatus: 'awaiting_dispatch',
        data: { unitId: 'U1', reasonCode: 'not_our_remit', note: '不属本部门' },
        unitId: 'U1',
      },
      GENESIS_HASH,
    );

    const row = ledgerExportRow(entry, 7, (id) => (id === 'U1' ? '市经信局' : id));

    expect(row).toHaveLength(LEDGER_EXPORT_HEADERS.length);
    expect(row.slice(0, 10)).toEqual([
      '7',
      '2026-03-03 00:30:00',
      'I1',
      '4',
      '退单',
      '办理中',
      '待交办',
      'dept-user',
      '部门',
      '市经信局',
    ]);
    expect(row[10]).toBe('退单原因：不属本单位职责；备注：不属本部门；单位：U1');
    expect(row[11]).toBe(entry.hash.slice(0, 16));
  });

  it('keeps actions and fields it does not know, as they are', () => {
    expect(describeData({ zeta: 1, verdict: 'unsatisfied', flag: true })).toBe(
      '评价：不满意；flag：是；zeta：1',
    );
    expect(programDateTimeOf('2026-12-31T23:59:59+08:00')).toBe('2026-12-31 23:59:59');
  });
});
