"""Articles: the stored list, one article with its extraction, and (with a token) ingesting more.

POST runs the `ingest` command's flow (the same reader checks, `analyze`, one transaction per
batch, near-duplicates marked, evidence linked) on JSON article objects instead of files. It exists only when
PEACEWATCH_TOKEN is set, so a server started without one is read-only whatever a client sends.
"""
from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Annotated, Any, Union

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Request

from peacewatch.tracking.evidence_store import link_evidence
from peacewatch.api.context import AgreementsDep, Cursor, Limit, StoreDep, settings_of
from peacewatch.api.models import ArticleDetail, ArticleSummary, IngestResult, Page
from peacewatch.api.pages import listing
from peacewatch.errors import InvalidArticle
from peacewatch.ingest.batch import Sources, ingest
from peacewatch.ingest.readers import article_from_fields
from peacewatch.settings import Settings
from peacewatch.store.listings import article

SOURCE = Path("api")  # the `source_path` of articles posted to the API
router = APIRouter(tags=["articles"])
writer = APIRouter(tags=["articles"])


@router.get("/articles", response_model=Page[ArticleSummary])
def list_articles(request: Request, store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> dict:
    """Stored articles without their text, most recently published first."""
    return listing(request, cursor, limit, lambda at: store.articles(at.limit, at.offset))


@router.get("/articles/{article_id}", response_model=ArticleDetail)
def get_article(article_id: str, store: StoreDep) -> dict:
    """One article with its text and its extraction; 404 for an id the store does not hold."""
    row = article(store, article_id)
    return {**row, "extraction": store.extraction(article_id)}


def bearer(authorization: Annotated[str | None, Header()] = None,
           settings: Settings = Depends(settings_of)) -> None:
    """401 without credentials, 403 with the wrong ones."""
    if not authorization:
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(403, "the bearer token is not the one this server was started with")


ArticlesBody = Annotated[Union[dict[str, Any], list[dict[str, Any]]], Body(
    description="One article object or a list of them, as in a .json/.jsonl file: text (required), "
                "id (default: from the text's hash), title, url, outlet, published (YYYY-MM-DD), language.")]


@writer.post("/articles", response_model=IngestResult, dependencies=[Depends(bearer)])
def post_articles(body: ArticlesBody, store: StoreDep, agreements: AgreementsDep,
                  settings: Settings = Depends(settings_of)) -> IngestResult:
    """Analyse and store articles, as `peacewatch ingest` does with files; bad objects are listed
    in `failures` and the others stored."""
    sources = posted_sources(body if isinstance(body, list) else [body])
    if not sources.articles:
        raise HTTPException(422, "; ".join(str(f) for f in sources.failures) or "no articles given")
    report = ingest(store, sources, settings.batch_size)
    link_evidence(store, agreements)
    return IngestResult(added=report.added, already_stored=report.already_stored, id_conflicts=report.id_conflicts,
                        near_duplicates=report.near_duplicates, failures=[str(f) for f in report.failures])


def posted_sources(objects: list[dict[str, Any]]) -> Sources:
    sources = Sources()
    for index, fields in enumerate(objects):
        try:
            sources.articles.append((article_from_fields(fields, text_id(fields)), SOURCE))
        except ValueError as error:
            sources.failures.append(InvalidArticle(f"articles[{index}]", str(error)))
    return sources


def text_id(fields: dict[str, Any]) -> str:
    """An id for an object that gives none: the same text always gets the same id."""
    text = fields.get("text")
    return "api-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16] if isinstance(text, str) else ""
