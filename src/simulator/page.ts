/** The simulator page: one self-contained file (no CDN), Chinese UI, usable on a phone. */
export const SIMULATOR_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>店小二 · 群聊模拟器</title>
<style>
  :root { --bg:#f2f3f5; --panel:#fff; --line:#e5e6eb; --text:#1d2129; --muted:#86909c; --brand:#1677ff; --me:#95ec69; --warn:#f53f3f; --ok:#00b42a; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--text); background:var(--bg); height:100vh; display:flex; flex-direction:column; }
  header { background:var(--panel); border-bottom:1px solid var(--line); padding:8px 12px; display:flex; gap:8px; align-items:center; flex-wrap:wrap; }
  header h1 { font-size:16px; margin:0 8px 0 0; }
  header .clock { color:var(--muted); font-size:13px; margin-right:auto; }
  button { font:inherit; border:1px solid var(--line); background:var(--panel); border-radius:6px; padding:5px 10px; cursor:pointer; }
  button.primary { background:var(--brand); color:#fff; border-color:var(--brand); }
  main { flex:1; display:flex; min-height:0; }
  nav { width:240px; background:var(--panel); border-right:1px solid var(--line); overflow-y:auto; }
  nav .conv { padding:10px 12px; border-bottom:1px solid var(--line); cursor:pointer; }
  nav .conv.active { background:#e8f3ff; }
  nav .conv small { color:var(--muted); display:block; }
  nav .badge { background:var(--warn); color:#fff; border-radius:9px; font-size:11px; padding:0 6px; margin-left:4px; }
  section { flex:1; display:flex; flex-direction:column; min-width:0; }
  #title { padding:10px 14px; background:var(--panel); border-bottom:1px solid var(--line); font-weight:600; }
  #title small { color:var(--muted); font-weight:normal; margin-left:6px; }
  #messages { flex:1; overflow-y:auto; padding:14px; display:flex; flex-direction:column; gap:10px; }
  .msg { max-width:86%; display:flex; flex-direction:column; }
  .msg .who { font-size:12px; color:var(--muted); margin-bottom:2px; }
  .msg .bubble { background:var(--panel); border-radius:8px; padding:8px 11px; word-break:break-word; white-space:normal; }
  .msg.me { align-self:flex-end; align-items:flex-end; }
  .msg.me .bubble { background:var(--me); }
  .bubble h4 { margin:2px 0 4px; font-size:15px; }
  .bubble .quote { border-left:3px solid var(--line); padding-left:8px; color:#4e5969; margin:2px 0; }
  .bubble .warn { color:var(--warn); }
  .bubble .info { color:var(--ok); }
  .bubble .comment { color:var(--muted); }
  .bubble .at { color:var(--brand); }
  .bubble a.ticket { color:var(--brand); cursor:pointer; text-decoration:underline; }
  .bubble table { border-collapse:collapse; margin:4px 0; font-size:13px; }
  .bubble td, .bubble th { border:1px solid var(--line); padding:2px 6px; }
  footer { background:var(--panel); border-top:1px solid var(--line); padding:8px; display:flex; gap:8px; flex-wrap:wrap; }
  footer select { font:inherit; padding:5px; border:1px solid var(--line); border-radius:6px; max-width:100%; }
  footer input { flex:1; min-width:160px; font:inherit; padding:6px 10px; border:1px solid var(--line); border-radius:6px; }
  #hint { color:var(--muted); font-size:12px; width:100%; }
  #ticket { position:fixed; inset:0; background:rgba(0,0,0,.35); display:none; align-items:center; justify-content:center; padding:12px; }
  #ticket .card { background:var(--panel); border-radius:10px; padding:16px; width:min(520px,100%); max-height:85vh; overflow-y:auto; }
  #ticket .card h3 { margin:0 0 8px; }
  #ticket dl { display:grid; grid-template-columns:80px 1fr; gap:4px 8px; margin:0 0 10px; }
  #ticket dt { color:var(--muted); }
  #ticket ol { padding-left:18px; margin:0; font-size:13px; }
  @media (max-width: 720px) {
    main { flex-direction:column; }
    nav { width:auto; flex:0 0 auto; border-right:none; border-bottom:1px solid var(--line); display:flex; overflow-x:auto; overflow-y:hidden; }
    header h1 { font-size:15px; }
    #messages { padding:10px; }
    .msg { max-width:94%; }
    nav .conv { border-bottom:none; border-right:1px solid var(--line); white-space:nowrap; }
  }
</style>
</head>
<body>
<header>
  <h1>店小二 · 群聊模拟器</h1>
  <span class="clock" id="clock">模拟时间：—</span>
  <button id="plus4">⏩ 快进 4 小时</button>
  <button id="tomorrow">⏩ 跳到下个工作日早间简报</button>
</header>
<main>
  <nav id="convs"></nav>
  <section>
    <div id="title">请选择左侧的会话</div>
    <div id="messages"></div>
    <footer>
      <select id="who" aria-label="我是"></select>
      <input id="text" placeholder="输入消息，例如：我们用电扩容申请一个月了还没批下来" autocomplete="off">
      <button class="primary" id="send">发送</button>
      <div id="hint">消息会被加密（企业微信）或签名（钉钉）后发到机器人的真实回调地址；机器人的回复经平台接口送回本页。</div>
    </footer>
  </section>
</main>
<div id="ticket"><div class="card" id="ticketCard"></div></div>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const ROLE = { enterprise: '企业联系人', cadre: '干部', leader: '领导', admin: '管理员' };
  const KIND = { enterprise: '企业服务群', taskforce: '专班群', leaders: '领导群' };
  const PLATFORM = { wecom: '企业微信', dingtalk: '钉钉' };
  let state = { groups: [], people: [] };
  let items = [];
  let since = 0;
  let current = null;
  const unread = {};

  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const nameOf = (platform, id) => (state.people.find((p) => p[platform] === id) || {}).name;
  const fmtTime = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

  function inline(s, platform) {
    let h = esc(s);
    h = h.replace(/&lt;font color=&quot;(warning|info|comment)&quot;&gt;([\\s\\S]*?)&lt;\\/font&gt;/g, '<span class="$1">$2</span>');
    h = h.replace(/\\*\\*([^*]+)\\*\\*/g, '<b>$1</b>');
    h = h.replace(/&lt;@([\\w.-]+)&gt;/g, (_, id) => '<span class="at">@' + esc(nameOf(platform, id) || id) + '</span>');
    if (platform === 'dingtalk') h = h.replace(/@([\\w-]{3,})/g, (m, id) => (nameOf('dingtalk', id) ? '<span class="at">@' + esc(nameOf('dingtalk', id)) + '</span>' : m));
    h = h.replace(/(^|[^\\w&])#(\\d+)/g, '$1<a class="ticket" data-no="$2">#$2</a>');
    return h;
  }
  function render(text, platform) {
    const lines = text.replace(/\\n\\n/g, '\\n').split('\\n');
    let out = '';
    let table = [];
    const flush = () => {
      if (!table.length) return;
      out += '<table>' + table.map((r) => '<tr>' + r.map((c) => '<td>' + inline(c, platform) + '</td>').join('') + '</tr>').join('') + '</table>';
      table = [];
    };
    for (const line of lines) {
      if (/^\\s*\\|.*\\|\\s*$/.test(line)) {
        if (!/^\\s*\\|?\\s*:?-{2,}/.test(line)) table.push(line.trim().slice(1, -1).split('|').map((c) => c.trim()));
        continue;
      }
      flush();
      if (/^#{1,6} /.test(line)) out += '<h4>' + inline(line.replace(/^#+ /, ''), platform) + '</h4>';
      else if (/^> ?/.test(line)) out += '<div class="quote">' + inline(line.replace(/^> ?/, ''), platform) + '</div>';
      else out += '<div>' + inline(line, platform) + '</div>';
    }
    flush();
    return out;
  }

  function conversations() {
    const list = state.groups.map((g) => ({ key: g.key, title: g.name, sub: PLATFORM[g.platform] + ' · ' + KIND[g.kind], platform: g.platform }));
    const me = state.people.find((p) => p.id === $('who').value);
    if (me) {
      for (const platform of ['wecom', 'dingtalk']) {
        if (me[platform]) list.push({ key: 'user:' + platform + ':' + me[platform], title: '与店小二私聊（' + me.name + '）', sub: PLATFORM[platform] + ' · 私信和提醒', platform });
      }
    }
    return list;
  }
  function drawConvs() {
    $('convs').innerHTML = conversations()
      .map((c) => '<div class="conv' + (current && current.key === c.key ? ' active' : '') + '" data-key="' + esc(c.key) + '">' + esc(c.title) + (unread[c.key] ? '<span class="badge">' + unread[c.key] + '</span>' : '') + '<small>' + esc(c.sub) + '</small></div>')
      .join('');
  }
  function drawWho() {
    const g = current && state.groups.find((x) => x.key === current.key);
    const prev = $('who').value;
    const people = state.people.filter((p) => !g || p.role !== 'enterprise' || p.enterprise === g.enterprise);
    $('who').innerHTML = people.map((p) => '<option value="' + esc(p.id) + '">我是 ' + esc(p.name) + '（' + (ROLE[p.role] || p.role) + (p.title ? '·' + esc(p.title) : '') + '）</option>').join('');
    if (people.some((p) => p.id === prev)) $('who').value = prev;
  }
  function drawMessages() {
    if (!current) return;
    const box = $('messages');
    box.innerHTML = items
      .filter((m) => m.conversation === current.key)
      .map((m) => '<div class="msg' + (m.from === 'user' ? ' me' : '') + '"><span class="who">' + esc(m.from === 'user' ? m.sender : '店小二') + ' · ' + fmtTime(m.at) + '</span><div class="bubble">' + (m.from === 'user' ? esc(m.text) : render(m.text, current.platform)) + '</div></div>')
      .join('');
    box.scrollTop = box.scrollHeight;
  }
  function select(key) {
    const c = conversations().find((x) => x.key === key);
    if (!c) return;
    current = c;
    unread[key] = 0;
    $('title').innerHTML = esc(c.title) + '<small>' + esc(c.sub) + '</small>';
    drawWho();
    drawConvs();
    drawMessages();
  }
  async function poll() {
    try {
      const r = await fetch('/simulator/api/feed?since=' + since).then((x) => x.json());
      $('clock').textContent = '模拟时间：' + fmtTime(r.now);
      for (const m of r.items) {
        items.push(m);
        since = Math.max(since, m.id);
        if (!current || m.conversation !== current.key) unread[m.conversation] = (unread[m.conversation] || 0) + 1;
      }
      if (r.items.length) {
        drawConvs();
        drawMessages();
      }
    } catch (e) {}
  }
  async function send() {
    const text = $('text').value.trim();
    if (!current || !text) return;
    $('text').value = '';
    const r = await fetch('/simulator/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversation: current.key, personId: $('who').value, text }) });
    if (!r.ok) alert((await r.json()).error || '发送失败');
    poll();
  }
  async function clock(body) {
    await fetch('/simulator/api/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    poll();
  }
  async function showTicket(no) {
    const r = await fetch('/simulator/api/tickets/' + no);
    const t = await r.json();
    $('ticketCard').innerHTML = r.ok
      ? '<h3>#' + t.no + ' ' + esc(t.status) + '</h3><dl><dt>问题</dt><dd>' + esc(t.summary) + '</dd><dt>企业</dt><dd>' + esc(t.enterprise || '—') + '</dd><dt>类别</dt><dd>' + esc(t.category) + ' · ' + esc(t.urgency) + '</dd><dt>责任人</dt><dd>' + esc(t.assignee) + '</dd><dt>办理时限</dt><dd>' + fmtTime(t.resolutionDueAt) + '</dd></dl><b>办理记录</b><ol>' + t.events.map((e) => '<li>' + fmtTime(e.at) + ' ' + esc(e.label) + (e.by ? ' · ' + esc(e.by) : '') + (e.note ? '：' + esc(e.note) : '') + '</li>').join('') + '</ol><p><button id="closeTicket">关闭</button></p>'
      : '<p>' + esc(t.error) + '</p><button id="closeTicket">关闭</button>';
    $('ticket').style.display = 'flex';
  }

  $('convs').addEventListener('click', (e) => {
    const el = e.target.closest('.conv');
    if (el) select(el.dataset.key);
  });
  $('who').addEventListener('change', drawConvs);
  $('send').addEventListener('click', send);
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) send();
  });
  $('plus4').addEventListener('click', () => clock({ hours: 4 }));
  $('tomorrow').addEventListener('click', () => clock({ to: 'next-digest' }));
  $('messages').addEventListener('click', (e) => {
    const a = e.target.closest('a.ticket');
    if (a) showTicket(a.dataset.no);
  });
  $('ticket').addEventListener('click', (e) => {
    if (e.target.id === 'ticket' || e.target.id === 'closeTicket') $('ticket').style.display = 'none';
  });

  fetch('/simulator/api/state')
    .then((r) => r.json())
    .then((s) => {
      state = s;
      drawWho();
      drawConvs();
      if (state.groups[0]) select(state.groups[0].key);
      poll();
      setInterval(poll, 1000);
    });
})();
</script>
</body>
</html>
`;
