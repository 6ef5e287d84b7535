import type { SearchDocument } from '../lib/site/search-key.ts';
import type { Engine, Outcome } from './search-engine.ts';

// The search box of every page (SearchBox.astro). Without JavaScript it is a form that opens the A–Z
// list of villages. This script makes it a combobox (WAI-ARIA APG, list autocomplete with automatic
// selection): results appear as one types, the first is selected, arrows move, Enter opens, Escape
// closes; a status line tells screen readers what happened. The engine loads on the first keystroke.

const form = document.querySelector<HTMLFormElement>('form.tim-kiem');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const list = form?.querySelector<HTMLUListElement>('[role="listbox"]');
const status = form?.querySelector<HTMLElement>('[role="status"]');
if (form && input && list && status) enhance(form, input, list, status);

function enhance(form: HTMLFormElement, input: HTMLInputElement, list: HTMLUListElement, status: HTMLElement) {
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  let engine: Promise<Engine> | null = null;
  // Index paths start at the site's root; the site may be hosted under a sub-path.
  const base = form.dataset['base'] ?? '/';
  const at = (path: string) => `${base}${path.slice(1)}`;
  let results: SearchDocument[] = [];
  let active = -1;
  let asked = 0;
  /** The query the listed results are for: Enter right after a keystroke must not open an older result. */
  let shownFor = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const TO_LIST = 'Nhấn Enter để xem danh sách thôn, bản từ A đến Z.';
  const CHOOSE = 'Mũi tên lên, xuống để chọn, Enter để mở.';
  // A word in half the country's names ("thôn", a national "tổng"): another word narrows it, more letters cannot.
  const NARROW = 'Gõ thêm tên thôn hoặc tên xã để tìm.';
  const say = (text: string) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const select = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const option = i >= 0 ? list.children[i] : undefined;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (show: boolean) => {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) select(-1);
  };
  const render = (outcome: Outcome, kinds: Record<string, string>) => {
    results = outcome.kind === 'found' || outcome.kind === 'many' ? outcome.docs : [];
    list.replaceChildren(
      ...results.map((d, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.dataset['path'] = d.p;
        const name = document.createElement('span');
        name.className = 'ten';
        name.textContent = d.k === 'thon' && d.w ? `${d.n}, ${d.w}` : d.n;
        // The dash separates the two lines for screen readers; on screen the second line does.
        const dash = document.createElement('span');
        dash.className = 'an';
        dash.textContent = ' – ';
        const kind = document.createElement('span');
        kind.className = 'loai';
        kind.textContent = `${kinds[d.k] ?? ''}${d.k !== 'thon' && d.w ? `, ${d.w}` : ''}`;
        li.append(name, dash, kind);
        return li;
      }),
    );
    open(results.length > 0);
    if (results.length > 0) select(0);
    if (outcome.kind === 'short') say('');
    else if (outcome.kind === 'more') say('Gõ thêm vài chữ cái để tìm.');
    else if (outcome.kind === 'many' && outcome.total === 0) say(`Quá nhiều kết quả. ${NARROW}`);
    else if (outcome.kind === 'many')
      say(`Hiện ${results.length} kết quả, còn quá nhiều kết quả khác. ${NARROW} ${CHOOSE}`);
    else if (outcome.total === 0) say(`Không tìm thấy. ${TO_LIST}`);
    else {
      const shown =
        outcome.total > results.length
          ? `${results.length} kết quả đầu trong ${outcome.total}`
          : `${outcome.total} kết quả`;
      say(`${shown}. ${CHOOSE}`);
    }
  };
  const run = async () => {
    const ask = ++asked;
    const query = input.value;
    engine ??= import('./search-engine.ts').then((m) => m.createEngine(base));
    // On a slow connection the first search loads the engine and a shard: say so if it takes a while.
    const slow = setTimeout(() => ask === asked && say('Đang tải dữ liệu tìm kiếm…'), 500);
    try {
      const e = await engine;
      const outcome = await e.search(query);
      if (ask === asked) {
        shownFor = query;
        render(outcome, e.kinds);
      }
    } catch {
      engine = null;
      if (ask === asked) {
        shownFor = query;
        render({ kind: 'short' }, {});
        say(`Không tải được dữ liệu tìm kiếm. ${TO_LIST}`);
      }
    } finally {
      clearTimeout(slow);
    }
  };
  const go = (i: number) => {
    const path = results[i]?.p;
    if (path) window.location.assign(at(path));
    return path !== undefined;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  input.addEventListener('keydown', (event) => {
    const n = results.length;
    if (event.key === 'ArrowDown' && n > 0) {
      open(true);
      select((active + 1) % n);
    } else if (event.key === 'ArrowUp' && n > 0) {
      open(true);
      select((active - 1 + n) % n);
    } else if (event.key === 'Escape' && !list.hidden) open(false);
    else return;
    event.preventDefault();
  });
  // Enter (or the button) opens the selected result, else the first; with none, the form goes to the A–Z
  // list as without JavaScript. Typed faster than the results: this query is searched first.
  form.addEventListener('submit', (event) => {
    if (input.value.trim() === '') return;
    event.preventDefault();
    const openResult = () => {
      if (!go(Math.max(active, 0))) form.submit();
    };
    if (shownFor === input.value) openResult();
    else {
      clearTimeout(timer);
      void run().then(() => {
        if (shownFor === input.value) openResult();
      });
    }
  });
  // A tap on a result opens it; the press must not take the focus from the box first.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (option) go([...list.children].indexOf(option));
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('focus', () => {
    if (results.length > 0) {
      open(true);
      select(0);
    }
  });
  // A query sent before the script ran (or without it) is searched again here.
  const sent = new URLSearchParams(window.location.search).get('q');
  if (sent && !input.value) {
    input.value = sent;
    void run();
  }
}
