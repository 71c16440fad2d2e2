import asyncio
import socket
import uuid
from pathlib import Path

import pytest
import uvicorn

from api.app import create_app

playwright_api = pytest.importorskip("playwright.async_api")

pytestmark = [pytest.mark.browser, pytest.mark.db]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
async def base_url(ctx, test_settings):
    """A real uvicorn server on the test loop (the shared context's pool is bound to it)."""
    app = create_app(test_settings, ctx=ctx)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


@pytest.fixture
async def page(base_url):
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium")
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = await browser.new_page(base_url=base_url)
        page.set_default_timeout(20_000)
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
        yield page
        await browser.close()
        assert problems == []


async def test_sign_up_log_a_meal_by_chat_and_see_it_in_today(page) -> None:
    expect = playwright_api.expect
    await page.goto("/")
    await page.fill("#email", f"web-{uuid.uuid4().hex[:10]}@example.com")
    await page.fill("#password", "long enough pw")
    await page.click("#register")
    await expect(page.locator("#app")).to_be_visible()
    await expect(page.locator("#today-log .meal")).to_have_count(0)

    await page.fill("#message", "I had two eggs and toast for breakfast")
    await page.click("#send")
    await expect(page.locator("#confirm-question")).to_contain_text("Log this meal")
    await page.click("#confirm-yes")
    await expect(page.locator("#confirm")).to_be_hidden()
    await expect(page.locator(".msg.assistant").last).to_contain_text("Logged breakfast")
    await expect(page.locator("#today-log .meal")).to_have_count(1)
    await expect(page.locator("#today-log .food")).to_have_count(2)

    summary = await page.evaluate(
        """async () => {
            const {access_token} = JSON.parse(sessionStorage.getItem("tokens"));
            const r = await fetch("/v1/summary/daily",
                                  {headers: {Authorization: `Bearer ${access_token}`}});
            return r.json();
        }"""
    )
    assert summary["meal_count"] == 1
    energy = page.locator('#totals tr[data-nutrient="energy_kcal"] td').nth(1)
    await expect(energy).to_have_text(f"{summary['totals']['energy_kcal']} kcal")
    await expect(page.locator("#threads li")).to_have_count(1)
    await expect(page.locator("#threads .open")).to_have_text(
        "I had two eggs and toast for breakfast"
    )
