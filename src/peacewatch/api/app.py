"""The HTTP API: the store's reads under /api/, described at /openapi.json, and the dashboard at /.

`create_app(settings)` opens the store once (creating or upgrading it, as every command does)
and shares it between requests. A user-caused error is the CLI's one-line message with an HTTP
status: 404 for an id nobody stored, 503 when the database fails, 400 for anything else the
request got wrong; FastAPI answers 422 for parameters of the wrong type. Writing (POST
/api/articles) is mounted only when a token is configured, and CORS only when origins are.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from peacewatch import __version__
from peacewatch.api import articles, control, events, mentions, tracking
from peacewatch.errors import PeacewatchError, StoreUnavailable, UnknownAgreement, UnknownArticle
from peacewatch.settings import Settings
from peacewatch.store.database import open_store
from peacewatch.web import dashboard

PREFIX = "/api"
STATUS_OF = {UnknownArticle: 404, UnknownAgreement: 404, StoreUnavailable: 503}
USER_MISTAKE = 400


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="peacewatch", version=__version__,
                  description="Ceasefires and peace agreements watched through the news: articles, merged "
                              "events, places, quotes, disputed figures, agreements, provision status, territorial control and reports.")
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    for router in (articles.router, events.router, mentions.router, tracking.router, control.router):
        app.include_router(router, prefix=PREFIX)
    app.include_router(dashboard.router)
    app.mount("/static", StaticFiles(directory=dashboard.STATIC), name="static")
    if settings.token:
        app.include_router(articles.writer, prefix=PREFIX)
    if settings.cors_origins:
        origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_exception_handler(PeacewatchError, user_error)
    return app


async def user_error(_request: Request, error: Exception) -> JSONResponse:
    status = next((code for kind, code in STATUS_OF.items() if isinstance(error, kind)), USER_MISTAKE)
    return JSONResponse({"detail": str(error)}, status_code=status)
