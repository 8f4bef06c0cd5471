// The page of `ecg serve`: pick or upload a record, POST it to /api/predict, show the answer as
// a summary, a strip chart (Vega-Lite through vega-embed) and a table, and offer it as CSV/JSON.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const PALETTE = ['#1f77b4', '#e6550d', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  let result = null; // the last answer of /api/predict
  let classes = [];
  let start = 0; // strip start, seconds

  function fmtTime(sec) {
    const m = Math.floor(sec / 60);
    const s = sec - 60 * m;
    return `${m}:${s.toFixed(2).padStart(5, '0')}`;
  }
  const pct = (x) => `${(100 * x).toFixed(1)} %`;

  function setBusy(busy, text) {
    $('pick-button').disabled = busy;
    $('upload-button').disabled = busy;
    $('status').textContent = text || '';
  }
  function showError(message) {
    $('error').hidden = false;
    $('error').textContent = message;
  }
  function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
  }

  async function loadModel() {
    try {
      const h = await (await fetch('/healthz')).json();
      const m = h.model;
      classes = m.classes;
      $('model').textContent =
        `Model ${m.name}: ${m.protocol}, classes ${m.classes.join(' ')}, trained ${m.trainedAt.slice(0, 16).replace('T', ' ')} UTC` +
        (m.rrFeatures ? ', uses RR intervals (records only)' : '') +
        ` · ${m.engine}`;
    } catch (e) {
      $('model').textContent = `The server did not answer /healthz (${e.message}).`;
    }
  }

  async function loadRecords() {
    const select = $('record');
    try {
      const { records } = await (await fetch('/api/records')).json();
      select.textContent = '';
      if (!records.length) {
        select.append(new Option('(no records in the data folder)', ''));
        return;
      }
      for (const r of records) {
        const len = r.seconds ? ` · ${Math.round(r.seconds / 60)} min` : '';
        select.append(new Option(`${r.name}${len}${r.hasAnnotations ? ' · annotated' : ''}`, r.name));
      }
    } catch (e) {
      select.textContent = '';
      select.append(new Option('(could not list records)', ''));
    }
  }

  async function classify(form) {
    clearError();
    form.append('signal', 'true');
    if ($('use-annotations').checked) form.append('annotations', 'true');
    setBusy(true, 'Classifying…');
    const t0 = performance.now();
    try {
      const res = await fetch('/api/predict', { method: 'POST', body: form });
      const text = await res.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { error: text.slice(0, 300) };
      }
      if (!res.ok) {
        const retry = res.headers.get('retry-after');
        showError(`${body.error || res.statusText}${retry ? ` (try again in ${retry} s)` : ''}`);
        setBusy(false, `Failed (HTTP ${res.status}).`);
        return;
      }
      result = body;
      classes = body.model.classes;
      setBusy(false, `Classified ${body.beats.length} beats in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      render();
    } catch (e) {
      showError(`The request failed: ${e.message}`);
      setBusy(false, '');
    }
  }

  $('pick-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = $('record').value;
    if (!name) return showError('Choose a record first.');
    const form = new FormData();
    form.append('record', name);
    classify(form);
  });

  function describeFiles() {
    const files = Array.from($('files').files);
    $('files-hint').textContent = files.length
      ? files.map((f) => `${f.name} (${(f.size / 1024).toFixed(0)} KiB)`).join(', ')
      : 'Nothing chosen.';
  }
  $('files').addEventListener('change', describeFiles);

  $('upload-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const files = Array.from($('files').files);
    if (!files.length) return showError('Choose the .hea and .dat files of a record (and its .atr), or a CSV.');
    const form = new FormData();
    for (const f of files) {
      const ext = (f.name.match(/\.([A-Za-z]+)$/) || [])[1];
      const field = ext && ext.toLowerCase();
      if (!['hea', 'dat', 'atr', 'csv'].includes(field))
        return showError(`${f.name}: not a .hea, .dat, .atr or .csv file.`);
      if (form.has(field)) return showError(`Two .${field} files chosen: choose one record at a time.`);
      form.append(field, f, f.name);
    }
    classify(form);
  });

  // Wrong: matched to a reference beat of a class in the model's labels, and another class.
  function referenceOf(i) {
    const ref = result.reference;
    if (!ref) return null;
    const j = ref.match[i];
    return j >= 0 ? ref.beats[j] : null;
  }
  function isWrong(i) {
    const r = referenceOf(i);
    return Boolean(r && r.class !== null && r.class !== result.beats[i].class);
  }
  function beatSeconds(i) {
    return result.signal ? result.signal.beatAt[i] / result.signal.fsHz : result.beats[i].sample;
  }

  function render() {
    const hasRef = Boolean(result.reference);
    $('results').hidden = false;
    $('results').classList.toggle('no-ref', !hasRef);
    const inp = result.input;
    $('result-line').textContent =
      inp.kind === 'record'
        ? `Record ${inp.name}: ${result.beats.length} beats in ${fmtTime(inp.seconds)} (${inp.lead}, ${inp.fsHz} Hz), R peaks from the ${result.peaks}.`
        : `CSV ${inp.name}: ${result.beats.length} rows.`;
    renderSummary();
    const filter = $('class-filter');
    filter.textContent = '';
    filter.append(new Option('all', ''));
    for (const c of classes) filter.append(new Option(c, c));
    $('wrong-only').checked = false;
    renderTable();
    start = 0;
    $('position').max = String(Math.max(0, Math.floor(stripSeconds() - 1)));
    drawStrip();
    $('results').focus();
  }

  function renderSummary() {
    const s = result.summary;
    const tbody = $('summary').querySelector('tbody');
    tbody.textContent = '';
    const refCounts = {};
    if (result.reference)
      for (const b of result.reference.beats) if (b.class) refCounts[b.class] = (refCounts[b.class] || 0) + 1;
    for (const c of classes) {
      const tr = tbody.insertRow();
      const conf = s.meanConfidenceByClass[c];
      for (const v of [c, s.counts[c], s.beats ? pct(s.counts[c] / s.beats) : '–', conf === null ? '–' : pct(conf)])
        tr.insertCell().textContent = String(v);
      const ref = tr.insertCell();
      ref.className = 'ref-only';
      ref.textContent = String(refCounts[c] || 0);
    }
    const tr = tbody.insertRow();
    for (const v of ['all', s.beats, '100 %', pct(s.meanConfidence)]) tr.insertCell().textContent = String(v);
    const ref = tr.insertCell();
    ref.className = 'ref-only';
    ref.textContent = result.reference ? String(result.reference.beats.length) : '';
    const r = result.reference;
    $('score-line').textContent = r
      ? `Against the reference annotations (±${r.toleranceSec * 1000} ms): ${r.correct} of ${r.scored} matched beats ` +
        `have the reference class (${r.accuracy === null ? '–' : pct(r.accuracy)}); ${r.missed} reference beats missed, ` +
        `${r.extra} predicted beats without a reference beat.`
      : '';
  }

  function renderTable() {
    const tbody = $('beats').querySelector('tbody');
    const only = $('class-filter').value;
    const wrongOnly = $('wrong-only').checked;
    const rows = [];
    result.beats.forEach((b, i) => {
      if (only && b.class !== only) return;
      if (wrongOnly && !isWrong(i)) return;
      rows.push(i);
    });
    const frag = document.createDocumentFragment();
    for (const i of rows) {
      const b = result.beats[i];
      const tr = document.createElement('tr');
      tr.dataset.beat = String(i);
      if (isWrong(i)) tr.className = 'wrong';
      const first = tr.insertCell();
      const jump = document.createElement('button');
      jump.type = 'button';
      jump.className = 'link';
      jump.textContent = String(i + 1);
      jump.setAttribute('aria-label', `Show beat ${i + 1} on the strip`);
      jump.addEventListener('click', () => {
        start = Math.max(0, Math.floor(beatSeconds(i) - span() / 2));
        drawStrip();
        $('chart').scrollIntoView({ block: 'nearest' });
      });
      first.append(jump);
      const r = referenceOf(i);
      const cells = [
        b.sample,
        result.signal && result.input.kind === 'record' ? fmtTime(beatSeconds(i)) : '–',
        b.class,
        pct(b.confidence),
      ];
      for (const v of cells) tr.insertCell().textContent = String(v);
      const ref = tr.insertCell();
      ref.className = 'ref-only';
      ref.textContent = r
        ? `${r.symbol}${r.class && r.class !== r.symbol ? ` (${r.class})` : ''}`
        : result.reference
          ? 'none'
          : '';
      frag.append(tr);
    }
    tbody.textContent = '';
    tbody.append(frag);
    $('beat-count').textContent = `${rows.length} of ${result.beats.length} beats`;
  }
  $('class-filter').addEventListener('change', renderTable);
  $('wrong-only').addEventListener('change', renderTable);

  const span = () => Number($('span').value);
  const stripSeconds = () => (result && result.signal ? result.signal.mV.length / result.signal.fsHz : 0);

  function stripSpec() {
    const sig = result.signal;
    const fs = sig.fsHz;
    const from = Math.max(0, Math.floor(start * fs));
    const to = Math.min(sig.mV.length, Math.ceil((start + span()) * fs));
    // At most ~2000 points per strip: min/max pairs per bucket keep the QRS peaks.
    const step = Math.max(1, Math.floor((to - from) / 1000));
    const trace = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = from; k < to; k += step) {
      let a = k;
      let b = k;
      for (let q = k; q < Math.min(to, k + step); q++) {
        if (sig.mV[q] < sig.mV[a]) a = q;
        if (sig.mV[q] > sig.mV[b]) b = q;
      }
      for (const q of a <= b ? [a, b] : [b, a]) {
        trace.push({ t: q / fs, mV: sig.mV[q] });
        lo = Math.min(lo, sig.mV[q]);
        hi = Math.max(hi, sig.mV[q]);
      }
    }
    if (!trace.length) {
      lo = 0;
      hi = 1;
    }
    const range = Math.max(0.5, hi - lo);
    const labels = [];
    result.beats.forEach((b, i) => {
      const at = sig.beatAt[i];
      if (at < from || at >= to) return;
      const r = referenceOf(i);
      labels.push({
        t: at / fs,
        class: b.class,
        confidence: `${Math.round(100 * b.confidence)}%`,
        ref: r ? r.symbol : '',
        wrong: isWrong(i),
        beat: i + 1,
      });
    });
    const yClass = hi + 0.18 * range;
    const yConf = hi + 0.08 * range;
    const yRef = hi + 0.3 * range;
    const x = { field: 't', type: 'quantitative', title: 'time (s)', scale: { domain: [from / fs, to / fs] } };
    const layers = [
      {
        data: { values: trace },
        mark: { type: 'line', strokeWidth: 1, color: '#333' },
        encoding: {
          x,
          y: {
            field: 'mV',
            type: 'quantitative',
            title: `${sig.lead} (mV)`,
            scale: { domain: [lo - 0.05 * range, yRef + 0.08 * range] },
          },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'rule', strokeDash: [2, 3], opacity: 0.5 },
        encoding: { x, color: { condition: { test: 'datum.wrong', value: '#c62828' }, value: '#999' } },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontWeight: 'bold', fontSize: 13, y: { expr: `scale('y', ${yClass})` } },
        encoding: {
          x,
          text: { field: 'class' },
          color: {
            field: 'class',
            type: 'nominal',
            scale: { domain: classes, range: PALETTE.slice(0, classes.length) },
            legend: { title: 'predicted', orient: 'top' },
          },
          tooltip: [
            { field: 'beat', title: 'beat' },
            { field: 'class', title: 'class' },
            { field: 'confidence', title: 'confidence' },
            { field: 'ref', title: 'reference' },
          ],
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', fontSize: 10, color: '#555', y: { expr: `scale('y', ${yConf})` } },
        encoding: { x, text: { field: 'confidence' } },
      },
    ];
    if (result.reference)
      layers.push({
        data: { values: labels.filter((l) => l.ref) },
        mark: { type: 'text', fontSize: 12, y: { expr: `scale('y', ${yRef})` } },
        encoding: {
          x,
          text: { field: 'ref' },
          color: { condition: { test: 'datum.wrong', value: '#c62828' }, value: '#000' },
        },
      });
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 'container',
      height: 260,
      autosize: { type: 'fit-x', contains: 'padding' },
      title: {
        text: `${result.input.name}: ${fmtTime(from / fs)} – ${fmtTime(to / fs)}`,
        subtitle: result.reference
          ? 'top: reference symbol (red: disagrees) · middle: predicted class · confidence'
          : 'predicted class · confidence',
      },
      layer: layers,
    };
  }

  let drawing = Promise.resolve();
  function drawStrip() {
    if (!result || !result.signal) return;
    start = Math.max(0, Math.min(start, Math.max(0, stripSeconds() - span())));
    $('position').value = String(Math.round(start));
    const spec = stripSpec();
    drawing = drawing.then(() =>
      window
        .vegaEmbed('#chart', spec, { actions: false, renderer: 'svg' })
        .catch((e) => showError(`The chart could not be drawn: ${e.message}`)),
    );
  }
  function move(by) {
    start += by;
    drawStrip();
  }
  $('prev').addEventListener('click', () => move(-span()));
  $('next').addEventListener('click', () => move(span()));
  $('span').addEventListener('change', drawStrip);
  $('position').addEventListener('change', () => {
    start = Number($('position').value) || 0;
    drawStrip();
  });
  $('next-wrong').addEventListener('click', () => {
    if (!result) return;
    const from = start + span();
    const i = result.beats.findIndex((_, k) => isWrong(k) && beatSeconds(k) >= from);
    const k = i >= 0 ? i : result.beats.findIndex((_, q) => isWrong(q));
    if (k < 0) return ($('status').textContent = 'No beat disagrees with the reference.');
    start = Math.max(0, Math.floor(beatSeconds(k) - span() / 2));
    drawStrip();
  });
  document.addEventListener('keydown', (ev) => {
    if (!result || ev.target.matches('input, select, textarea')) return;
    if (ev.key === '[') move(-span());
    if (ev.key === ']') move(span());
  });

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  $('download-json').addEventListener('click', () => {
    if (!result) return;
    const { signal: _omit, ...rest } = result;
    download(`${result.input.name}-beats.json`, 'application/json', JSON.stringify(rest, null, 1));
  });
  $('download-csv').addEventListener('click', () => {
    if (!result) return;
    const head = ['sample', 'class', 'confidence', ...classes.map((c) => `p_${c}`)];
    if (result.reference) head.push('reference_symbol', 'reference_class');
    const lines = [head.join(',')];
    result.beats.forEach((b, i) => {
      const row = [b.sample, b.class, b.confidence, ...classes.map((c) => b.probabilities[c])];
      if (result.reference) {
        const r = referenceOf(i);
        row.push(r ? r.symbol : '', r && r.class ? r.class : '');
      }
      lines.push(row.join(','));
    });
    download(`${result.input.name}-beats.csv`, 'text/csv', lines.join('\n') + '\n');
  });

  loadModel();
  loadRecords();
})();
