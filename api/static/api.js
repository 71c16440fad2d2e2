"use strict";
// HTTP client of the chat page: tokens, JSON calls with one refresh retry, SSE parsing.

const Api = (() => {
  let tokens = JSON.parse(sessionStorage.getItem("tokens") || "null");

  function save(next) {
    tokens = next;
    if (next) sessionStorage.setItem("tokens", JSON.stringify(next));
    else sessionStorage.removeItem("tokens");
  }

  async function errorText(response) {
    try {
      const body = await response.json();
      if (typeof body.detail === "string") return body.detail;
      return JSON.stringify(body.detail);
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  async function signIn(path, email, password) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    save(await response.json());
  }

  async function refresh() {
    if (!tokens) return false;
    const response = await fetch("/v1/auth/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    });
    if (!response.ok) { save(null); return false; }
    save(await response.json());
    return true;
  }

  async function call(path, options = {}, retry = true) {
    const headers = { ...(options.headers || {}) };
    if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401 && retry && await refresh()) return call(path, options, false);
    if (response.status === 401) save(null);
    return response;
  }

  async function json(path, options = {}) {
    const response = await call(path, options);
    if (!response.ok) throw new Error(await errorText(response));
    return response.status === 204 ? null : response.json();
  }

  function parseBlock(block) {
    let type = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) type = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    return data.length ? { type, data: JSON.parse(data.join("\n")) } : null;
  }

  // POST /v1/chat as Server-Sent Events; onEvent(type, data) per event.
  async function chatStream(message, threadId, onEvent) {
    const response = await call("/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ message, thread_id: threadId }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, "\n");
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const event = parseBlock(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        if (event) onEvent(event.type, event.data);
      }
    }
  }

  return {
    signedIn: () => tokens !== null,
    signOut: async () => {
      if (tokens) {
        const body = JSON.stringify({ refresh_token: tokens.refresh_token });
        const headers = { "Content-Type": "application/json" };
        await fetch("/v1/auth/logout", { method: "POST", headers, body }).catch(() => null);
      }
      save(null);
    },
    register: (email, password) => signIn("/v1/auth/register", email, password),
    login: (email, password) => signIn("/v1/auth/login", email, password),
    json,
    chatStream,
  };
})();
