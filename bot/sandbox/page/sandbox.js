// The demo sandbox page: no build step, no framework. It talks only to
// /demo/api/*, which turns what is typed here into encrypted, signed WeCom
// callbacks and reads back what the fake WeCom recorded.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { user: "", after: 0, gen: 0, mine: {} };

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// inline renders the inline part of WeCom's markdown subset on escaped text.
function inline(s) {
  return s
    .replace(/&lt;font color=(?:&quot;|&#39;)?(info|comment|warning)(?:&quot;|&#39;)?&gt;([\s\S]*?)&lt;\/font&gt;/g, '<span class="font-$1">$2</span>')
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
}

// markdown renders WeCom's markdown subset: headings, bold, links, inline
// code, quotes and <font color="info|comment|warning">.
function markdown(md) {
  return esc(md).split("\n").map((line) => {
    const h = line.match(/^(#{1,6})\s+(.*)$/);
    if (h) return `<h${h[1].length}>${inline(h[2])}</h${h[1].length}>`;
    const q = line.match(/^&gt;\s?(.*)$/);
    if (q) return `<blockquote>${inline(q[1])}</blockquote>`;
    return line === "" ? "<br>" : `<div>${inline(line)}</div>`;
  }).join("");
}

// textcardHTML keeps the three div classes a textcard description may use.
function textcardHTML(d) {
  return esc(d)
    .replace(/&lt;div class=(?:&quot;|&#39;)(gray|normal|highlight)(?:&quot;|&#39;)&gt;/g, '<div class="$1">')
    .replace(/&lt;\/div&gt;/g, "</div>")
    .replace(/&lt;br\s*\/?&gt;/g, "<br>")
    .replace(/\n/g, "<br>");
}

function templateCard(c) {
  let h = '<div class="card">';
  if (c.source && c.source.desc) h += `<div class="source">${esc(c.source.desc)}</div>`;
  if (c.main_title) {
    if (c.main_title.title) h += `<div class="title">${esc(c.main_title.title)}</div>`;
    if (c.main_title.desc) h += `<div class="desc">${esc(c.main_title.desc)}</div>`;
  }
  if (c.emphasis_content && c.emphasis_content.title) {
    h += `<div class="emph">${esc(c.emphasis_content.title)}</div><div class="desc">${esc(c.emphasis_content.desc || "")}</div>`;
  }
  if (c.quote_area && (c.quote_area.title || c.quote_area.quote_text)) {
    h += `<div class="quote">${esc(c.quote_area.title || "")}<br>${esc(c.quote_area.quote_text || "").replace(/\n/g, "<br>")}</div>`;
  }
  if (c.sub_title_text) h += `<div class="sub">${esc(c.sub_title_text).replace(/\n/g, "<br>")}</div>`;
  if (c.horizontal_content_list && c.horizontal_content_list.length) {
    h += "<table>" + c.horizontal_content_list.map((f) =>
      `<tr><td class="k">${esc(f.keyname)}</td><td>${esc(f.value || "")}</td></tr>`).join("") + "</table>";
  }
  if (c.button_list && c.button_list.length) {
    h += '<div class="buttons">' + c.button_list.map((b) =>
      `<button type="button" class="${b.style === 1 ? "primary" : ""}" data-task="${esc(c.task_id || "")}" data-key="${esc(b.key)}">${esc(b.text)}</button>`).join("") + "</div>";
  }
  return h + "</div>";
}

function bubble(m) {
  switch (m.msgtype) {
    case "text": return `<div class="bubble" style="white-space:pre-wrap">${esc(m.content)}</div>`;
    case "markdown": return `<div class="bubble">${markdown(m.content)}</div>`;
    case "textcard": {
      const c = m.textcard || {};
      return `<div class="bubble"><div class="card"><div class="title">${esc(c.title || "")}</div>` +
        `<div class="desc">${textcardHTML(c.description || "")}</div>` +
        (c.url ? `<div><a href="${esc(c.url)}" target="_blank" rel="noopener">${esc(c.btntxt || "详情")}</a></div>` : "") + "</div></div>";
    }
    case "template_card":
      if (m.api === "message/update_template_card") {
        const c = m.template_card || {};
        return `<div class="bubble"><div class="card"><div class="title">卡片已更新</div>` +
          `<div class="replaced">${esc(c.replace_text || (c.main_title && c.main_title.title) || "")}</div></div></div>`;
      }
      return `<div class="bubble">${templateCard(m.template_card || {})}</div>`;
    case "image": return `<div class="bubble"><img class="pushed" alt="图片" src="/demo/api/media/${encodeURIComponent(m.media_id)}"></div>`;
    case "file": return `<div class="bubble"><a class="file" href="/demo/api/media/${encodeURIComponent(m.media_id)}?download=1">📄 ${esc(m.file_name || "文件")}</a></div>`;
    default: return `<div class="bubble">（暂不支持展示的消息类型：${esc(m.msgtype)}）</div>`;
  }
}

function time(t) {
  const d = new Date(t);
  return isNaN(d) ? "" : d.toLocaleTimeString("zh-CN", { hour12: false });
}

function append(html) {
  const box = $("messages");
  const empty = box.querySelector(".empty");
  if (empty) empty.remove();
  box.insertAdjacentHTML("beforeend", html);
  box.scrollTop = box.scrollHeight;
}

function showPushed(m) {
  let flags = "";
  if (m.truncated) flags += '<span class="flag">（超过 2048 字节，企业微信已截断）</span>';
  append(`<div class="msg bot" data-seq="${m.seq}"><span class="meta">案件助手 · ${time(m.at)} ${flags}</span>${bubble(m)}</div>`);
}

function showMine(text) {
  append(`<div class="msg me"><span class="meta">我 · ${time(Date.now())}</span><div class="bubble">${esc(text)}</div></div>`);
}

function status(msg) { $("status").textContent = msg || ""; }

async function api(path, body) {
  const r = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(j.error || `服务暂时不可用（${r.status}），请稍后再试。`);
  return j;
}

// poll long-polls what the fake WeCom delivered to the chosen user.
async function poll(gen) {
  while (gen === state.gen) {
    try {
      const j = await api(`/demo/api/messages?user=${encodeURIComponent(state.user)}&after=${state.after}&wait=1`);
      if (gen !== state.gen) return;
      for (const m of j.messages) {
        state.after = Math.max(state.after, m.seq);
        showPushed(m);
      }
    } catch (e) {
      if (gen !== state.gen) return;
      status("与演示服务的连接中断，正在重试…");
      await new Promise((r) => setTimeout(r, 2000));
      status("");
    }
  }
}

function choose(id) {
  state.user = id;
  state.after = 0;
  state.gen++;
  $("messages").innerHTML = id ? "" : '<p class="empty">请先在左侧选择一位用户，然后就可以和案件助手对话了。</p>';
  const opt = $("user").selectedOptions[0];
  $("who").textContent = id && opt ? opt.dataset.detail : "";
  for (const el of ["input", "send", "enter"]) $(el).disabled = !id;
  $("apppage").hidden = !id;
  if (!id) return;
  // The app page signs in whoever the fake WeCom has signed in: this person.
  api("/demo/api/signin", { user: id }).catch((e) => status(e.message));
  for (const t of state.mine[id] || []) showMine(t);
  poll(state.gen);
  $("input").focus();
}

async function send(text) {
  if (!state.user || !text.trim()) return;
  (state.mine[state.user] = state.mine[state.user] || []).push(text);
  showMine(text);
  $("input").value = "";
  try {
    status("");
    await api("/demo/api/send", { user: state.user, text });
  } catch (e) { status(e.message); }
}

async function loadUsers() {
  try {
    const j = await api("/demo/api/users");
    const sel = $("user");
    sel.innerHTML = '<option value="">请选择…</option>';
    const groups = {};
    for (const u of j.users) (groups[u.role] = groups[u.role] || []).push(u);
    for (const [role, us] of Object.entries(groups)) {
      const g = document.createElement("optgroup");
      g.label = role;
      for (const u of us) {
        const o = document.createElement("option");
        o.value = u.id;
        o.textContent = `${u.name}（${u.agency || role}）`;
        o.dataset.detail = `${u.name} · ${role}${u.agency ? " · " + u.agency : ""}${u.post ? " · " + u.post : ""}（账号 ${u.id}）`;
        g.appendChild(o);
      }
      sel.appendChild(g);
    }
    if (!j.users.length) status("通讯录为空：请先导入人员名单。");
    // /?user=ID opens the chat of that person directly (handy to share).
    const want = new URLSearchParams(location.search).get("user");
    if (want && j.users.some((u) => u.id === want)) { sel.value = want; choose(want); }
  } catch (e) { status(e.message); }
}

$("user").addEventListener("change", (e) => choose(e.target.value));
$("composer").addEventListener("submit", (e) => { e.preventDefault(); send($("input").value); });
$("input").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); send($("input").value); }
});
$("enter").addEventListener("click", () => api("/demo/api/enter", { user: state.user }).catch((e) => status(e.message)));
$("examples").addEventListener("click", (e) => {
  if (e.target.tagName === "LI" && state.user) { $("input").value = e.target.textContent; $("input").focus(); }
});
$("messages").addEventListener("click", async (e) => {
  const b = e.target.closest("button[data-key]");
  if (!b) return;
  b.closest(".buttons").querySelectorAll("button").forEach((x) => { x.disabled = true; });
  showMine(`（点击了“${b.textContent}”）`);
  try { await api("/demo/api/click", { user: state.user, task_id: b.dataset.task, key: b.dataset.key }); }
  catch (err) { status(err.message); }
});
loadUsers();
