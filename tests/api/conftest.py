import httpx
import pytest

from api.app import create_app


@pytest.fixture(scope="session")
async def client(ctx, test_settings):
    app = create_app(test_settings, ctx=ctx)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            yield c
