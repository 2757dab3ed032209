"""Council votes in the archive: every query on the council_votes tables (their schema is the
migration 3 of index/archive/migrations.py). How a vote compares with what the cabinet wrote
in its fiche is a feature: index/features/said_and_did.py.

Votes are stored as the dump gives them, whether or not an archived document names their
procedure; proposals find theirs through the procedure number.
"""

from __future__ import annotations

from collections.abc import Iterable

from index.archive.clock import now
from index.archive.database import Archive
from parsers import PARSER_VERSION
from parsers.council_votes import CouncilVote, MemberStateVote, read_dump

VOTE_KEY_PREFIX = "vote:"  # a proposal watch's key for a Council vote: vote:<vote id>
VOTES_SOURCE = "consilium"  # the source whose raw files are vote dumps, not documents

_COLUMNS = (
    "id, procedure, date, outcome, rule, configuration, meeting, document, title, policy_area"
)


def reread_dump(archive: Archive, dump_sha256: str) -> int:
    """`reparse`: the votes of an archived dump read again (DumpError when they cannot be)."""
    return store_votes(archive, read_dump(archive.raw.get(dump_sha256)), dump_sha256)


def store_votes(archive: Archive, votes: Iterable[CouncilVote], dump_sha256: str) -> int:
    """Store the votes of one dump (a vote already known is updated); returns how many were
    new. One transaction: a dump is stored whole or not at all. The dump then counts as read
    by this parser version, with no documents (so `reparse` leaves it alone, `reparse --all`
    reads it again)."""
    stamp = now()
    known = {row[0] for row in archive.db.execute("SELECT id FROM council_votes")}
    new = 0
    with archive.db:
        for vote in votes:
            new += vote.id not in known
            archive.db.execute(
                f"INSERT INTO council_votes ({_COLUMNS}, dump_sha256, first_seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                " procedure = excluded.procedure, date = excluded.date,"
                " outcome = excluded.outcome, rule = excluded.rule,"
                " configuration = excluded.configuration, meeting = excluded.meeting,"
                " document = excluded.document, title = excluded.title,"
                " policy_area = excluded.policy_area, dump_sha256 = excluded.dump_sha256",
                (*_row(vote), dump_sha256, stamp),
            )
            archive.db.execute("DELETE FROM council_vote_positions WHERE vote_id = ?", (vote.id,))
            archive.db.executemany(
                "INSERT INTO council_vote_positions VALUES (?, ?, ?)",
                [(vote.id, p.country, p.position) for p in vote.positions],
            )
    if dump_sha256:
        archive.store_documents(dump_sha256, PARSER_VERSION, [])
    return new


def _row(vote: CouncilVote) -> tuple[str, ...]:
    return (
        vote.id,
        vote.procedure,
        vote.date,
        vote.outcome,
        vote.rule,
        vote.configuration,
        vote.meeting,
        vote.document,
        vote.title,
        vote.policy_area,
    )


def votes_on(archive: Archive, procedures: Iterable[str]) -> list[CouncilVote]:
    """The votes on these procedures, in date order."""
    wanted = sorted(set(procedures) - {""})
    if not wanted:
        return []
    marks = ", ".join("?" * len(wanted))
    return _votes(archive, f"WHERE procedure IN ({marks})", wanted)


def all_votes(archive: Archive, since: str = "", until: str = "") -> list[CouncilVote]:
    """Every stored vote (also those on procedures no document names), in date order."""
    return _votes(
        archive,
        "WHERE date >= ? AND date <= ?",
        [since or "", until or "9999-12-31"],
    )


def vote_by_id(archive: Archive, vote_id: str) -> CouncilVote | None:
    found = _votes(archive, "WHERE id = ?", [vote_id])
    return found[0] if found else None


def vote_values(archive: Archive, column: str) -> list[str]:
    """The distinct non-empty values of one column of the votes (configuration, outcome,
    procedure), sorted."""
    if column not in ("configuration", "outcome", "procedure"):
        raise ValueError(f"no vote column {column!r} to list")  # a column name, never typed
    rows = archive.db.execute(
        f"SELECT DISTINCT {column} FROM council_votes WHERE {column} != '' ORDER BY 1"
    )
    return [row[0] for row in rows]


def vote_count(archive: Archive) -> int:
    return archive.db.execute("SELECT COUNT(*) FROM council_votes").fetchone()[0]


def named_procedures(archive: Archive) -> list[str]:
    """The procedures of stored votes that an archived document names (its Cellar procedure
    notice, a fiche or letter citing it): those whose votes join a proposal."""
    rows = archive.db.execute(
        "SELECT DISTINCT procedure FROM council_votes WHERE procedure IN"
        " (SELECT value FROM links WHERE kind = 'procedure') ORDER BY 1"
    )
    return [row[0] for row in rows]


def procedures_near_fiches(archive: Archive) -> list[str]:
    """The named procedures whose documents share a COM or CELEX number with a fiche: those
    whose proposal may have one (`proposal` tells; a fiche that merely cites the number is
    here too)."""
    rows = archive.db.execute(
        "SELECT DISTINCT named.value FROM links named"
        " JOIN links number ON number.doc_id = named.doc_id AND number.kind IN ('com', 'celex')"
        " JOIN links same ON same.kind = number.kind AND same.value = number.value"
        " JOIN documents fiche ON fiche.id = same.doc_id AND fiche.doc_type = 'fiche'"
        " WHERE named.kind = 'procedure'"
        " AND named.value IN (SELECT procedure FROM council_votes) ORDER BY 1"
    )
    return [row[0] for row in rows]


def votes_per_procedure(archive: Archive) -> dict[str, int]:
    rows = archive.db.execute("SELECT procedure, COUNT(*) FROM council_votes GROUP BY procedure")
    return dict(rows.fetchall())


def _votes(archive: Archive, where: str, params: list[str]) -> list[CouncilVote]:
    rows = archive.db.execute(
        f"SELECT {_COLUMNS} FROM council_votes {where} ORDER BY date, procedure, id", params
    ).fetchall()
    positions: dict[str, list[MemberStateVote]] = {row[0]: [] for row in rows}
    ids = list(positions)
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        for vote_id, country, position in archive.db.execute(
            "SELECT vote_id, country, position FROM council_vote_positions"
            f" WHERE vote_id IN ({', '.join('?' * len(chunk))}) ORDER BY country",
            chunk,
        ):
            positions[vote_id].append(MemberStateVote(country, position))
    return [CouncilVote(*row, positions=positions[row[0]]) for row in rows]
