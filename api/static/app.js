"use strict";
// The chat page: sign-in, streamed coach replies, confirmations, threads, today's log.

const $ = (id) => document.getElementById(id);
const NUTRIENTS = [
  ["energy_kcal", "Energy", "kcal"], ["protein_g", "Protein", "g"],
  ["carbohydrate_g", "Carbohydrate", "g"], ["fat_g", "Fat", "g"],
];
const state = { threadId: null, busy: false };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function today() {
  return new Date().toISOString().slice(0, 10); // the service's diary day is UTC
}

function addMessage(role, text) {
  const item = el("li", text, `msg ${role}`);
  $("messages").append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function showPending(pending) {
  $("confirm").hidden = !pending;
  $("confirm-question").textContent = pending ? pending.question : "";
}

function toolSummary(data) {
  const content = data.content || {};
  const status = Array.isArray(content) ? `${content.length} results` : content.status || "done";
  return `${data.name}: ${status}`;
}

async function send(text) {
  if (state.busy || !text.trim()) return;
  state.busy = true;
  $("send").disabled = true;
  showPending(null);
  addMessage("user", text);
  let bubble = null;
  const onEvent = (type, data) => {
    if (type === "token") {
      bubble = bubble || addMessage("assistant", "");
      bubble.textContent += data.text;
    } else if (type === "tool_call") {
      addMessage("tool", `→ ${data.name}`);
    } else if (type === "tool_result") {
      addMessage("tool", `✓ ${toolSummary(data)}`);
    } else if (type === "error") {
      addMessage("error", data.detail);
    } else if (type === "done") {
      state.threadId = data.thread_id;
      if (!bubble && data.reply) bubble = addMessage("assistant", data.reply);
      showPending(data.pending_confirmation);
    }
  };
  try {
    await Api.chatStream(text, state.threadId, onEvent);
  } catch (error) {
    addMessage("error", error.message);
  } finally {
    state.busy = false;
    $("send").disabled = false;
    await Promise.all([loadThreads(), loadToday()]).catch(() => null);
  }
}

function renderMeal(meal) {
  const item = el("li", undefined, "meal");
  const kcal = meal.totals.energy_kcal ?? 0;
  item.append(el("strong", `${meal.slot || "meal"}: ${meal.text} (${kcal} kcal)`));
  const foods = el("ul");
  for (const food of meal.items) {
    const kcalItem = food.nutrients.energy_kcal ?? 0;
    foods.append(el("li", `${food.food_phrase} → ${food.food.name}, ${food.grams} g, ${kcalItem} kcal`,
      "food"));
  }
  item.append(foods);
  return item;
}

async function loadToday() {
  const day = today();
  $("today-date").textContent = day;
  const [meals, summary] = await Promise.all([
    Api.json(`/v1/meals?date=${day}`), Api.json(`/v1/summary/daily?date=${day}`),
  ]);
  $("today-log").replaceChildren(...meals.map(renderMeal));
  const rows = NUTRIENTS.map(([key, label, unit]) => {
    const row = el("tr");
    row.dataset.nutrient = key;
    const target = summary.targets ? `${summary.targets[key]} ${unit}` : "–";
    const left = summary.remaining ? `${summary.remaining[key]} ${unit}` : "–";
    row.append(el("td", label), el("td", `${summary.totals[key] ?? 0} ${unit}`),
      el("td", target), el("td", left));
    return row;
  });
  $("totals").tBodies[0].replaceChildren(...rows);
  $("no-profile").hidden = summary.targets !== null;
}

async function openThread(threadId) {
  const thread = await Api.json(`/v1/chat/threads/${threadId}`);
  state.threadId = threadId;
  $("messages").replaceChildren();
  for (const message of thread.messages) {
    if (message.role === "user") addMessage("user", message.content);
    else if (message.role === "tool") addMessage("tool", `✓ ${toolSummary(message)}`);
    else if (message.content) addMessage("assistant", message.content);
  }
  showPending(thread.pending_confirmation);
}

async function loadThreads() {
  const threads = await Api.json("/v1/chat/threads");
  $("threads").replaceChildren(...threads.map((thread) => {
    const item = el("li", undefined, thread.thread_id === state.threadId ? "current" : "");
    const open = el("button", thread.title || "(empty)", "open");
    open.type = "button";
    open.addEventListener("click", () => openThread(thread.thread_id));
    const remove = el("button", "×", "delete");
    remove.type = "button";
    remove.title = "Delete conversation";
    remove.addEventListener("click", async () => {
      await Api.json(`/v1/chat/threads/${thread.thread_id}`, { method: "DELETE" });
      if (state.threadId === thread.thread_id) newThread();
      await loadThreads();
    });
    item.append(open, remove);
    return item;
  }));
}

function newThread() {
  state.threadId = null;
  $("messages").replaceChildren();
  showPending(null);
}

function showApp(signedIn) {
  $("auth-panel").hidden = signedIn;
  $("app").hidden = !signedIn;
  $("account").hidden = !signedIn;
  if (signedIn) Promise.all([loadThreads(), loadToday()]).catch((e) => addMessage("error", e.message));
}

async function authenticate(action) {
  $("auth-error").textContent = "";
  try {
    await action($("email").value, $("password").value);
    $("who").textContent = $("email").value;
    showApp(true);
  } catch (error) {
    $("auth-error").textContent = error.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("auth-form").addEventListener("submit", (event) => {
    event.preventDefault();
    authenticate(Api.login);
  });
  $("register").addEventListener("click", () => {
    if ($("auth-form").reportValidity()) authenticate(Api.register);
  });
  $("logout").addEventListener("click", async () => {
    await Api.signOut();
    newThread();
    showApp(false);
  });
  $("chat-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value;
    $("message").value = "";
    send(text);
  });
  $("confirm-yes").addEventListener("click", () => send("yes"));
  $("confirm-no").addEventListener("click", () => send("no"));
  $("new-thread").addEventListener("click", newThread);
  showApp(Api.signedIn());
});
