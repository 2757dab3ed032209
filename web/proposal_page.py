"""One EU proposal: its timeline, the cabinet's position per aspect and how it changed
(`/proposal?ref=COM(2021) 206`, `&format=json` for the `proposal --json` shape)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from fiche_search.surface import POSITION_ASPECTS, MalformedRef, UnknownProposal
from web.params import BadRequest, output_format
from web.render import json_response, page, proposal_path

MAX_REF = 200


def proposal_page(request: Request) -> Response:
    fmt = output_format(request.query_params)
    ref = request.query_params.get("ref", "").strip()
    if not ref or len(ref) > MAX_REF:
        raise BadRequest(
            "give the proposal as ?ref=COM(2021) 206 (or a CELEX number, procedure or id)"
        )
    if fmt == "csv":
        raise BadRequest("a proposal is available as html or json, not csv")
    with request.app.state.resources.api() as api:
        try:
            timeline = api.proposal(ref)
        except MalformedRef as error:
            raise BadRequest(str(error)) from None
        except UnknownProposal as error:
            raise HTTPException(404, str(error)) from None
    if fmt == "json":
        return json_response(timeline.to_json())
    changed = {(c.aspect, c.to_id) for c in timeline.changes}
    return page(
        request,
        "proposal.html",
        {
            "timeline": timeline,
            "aspects": [a for a in POSITION_ASPECTS if a in timeline.position],
            "changed": changed,
            "json_path": proposal_path(ref) + "&format=json",
        },
    )
