// Administrative style (Nghị định 30/2020/NĐ-CP): the kind of a unit is a common noun, written in
// lower case inside a sentence ("thuộc xã Sì Lở Lầu", "huyện Phong Thổ"); the name keeps its capitals.

/** The kinds a unit's name may start with. */
const KINDS = [
  'Thành phố',
  'Tổ dân phố',
  'Khu phố',
  'Thị trấn',
  'Thị xã',
  'Phường',
  'Huyện',
  'Quận',
  'Tỉnh',
  'Thôn',
  'Bản',
  'Xóm',
  'Ấp',
  'Xã',
];

/**
 * "Xã Sì Lở Lầu" → "xã Sì Lở Lầu", "Tổ dân phố Số 1" → "tổ dân phố Số 1": a unit's name as it is
 * written mid-sentence. A name that does not start with a kind followed by the name itself is unchanged.
 */
export function nameInSentence(name: string): string {
  const kind = KINDS.find((k) => name.startsWith(`${k} `) && name.length > k.length + 1);
  return kind ? `${kind.toLocaleLowerCase('vi')}${name.slice(kind.length)}` : name;
}
