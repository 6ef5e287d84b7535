// A synthetic country, built in memory: 10,000 communes of 10 villages each, with names drawn from Vietnamese
// syllables so letters and words are as uneven as real ones (every 15th name starts with "Nà"). For the
// outputs that must stay bounded whatever the size of the country: list pages, the search index.
export const COMMUNES = 10_000;
export const VILLAGES_PER_COMMUNE = 10;
const SYLLABLES = ['Nà', 'Pa', 'Sì', 'Lở', 'Mồ', 'Dào', 'Huổi', 'Nậm', 'Tả', 'Ma', 'Cang', 'Đoàn', 'Ô', 'Bản', 'Thèn'];
const SECOND = ['Củng', 'Xe', 'Lầu', 'San', 'Luông', 'Pho', 'Chin', 'Kết', 'Khoa', 'Sảng', 'Thàng', 'Ưng', 'Âu'];

function name(i: number): string {
  return `${SYLLABLES[i % SYLLABLES.length]} ${SECOND[Math.floor(i / SYLLABLES.length) % SECOND.length]} ${i}`;
}

export const communes = Array.from({ length: COMMUNES }, (_, i) => ({ name: `Xã ${name(i * 7)}`, path: `/xa/x${i}/` }));
export const villages = communes.flatMap((c, i) =>
  Array.from({ length: VILLAGES_PER_COMMUNE }, (_, k) => ({
    name: `${k % 2 ? 'Bản' : 'Thôn'} ${name(i * VILLAGES_PER_COMMUNE + k)}`,
    path: `${c.path}t${k}/`,
    commune: c.name,
  })),
);
