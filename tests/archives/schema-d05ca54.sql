-- The archive's tables as commit d05ca54 made them (index/archive.py SCHEMA, by
-- `git show d05ca54:index/archive.py`), before schema versions: user_version 0.
-- One document, its body plain JSON as archives then stored it; this schema has no
-- documents.section_count, which migration 1 adds and counts.
CREATE TABLE IF NOT EXISTS raw_files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    first_seen TEXT NOT NULL
);
-- Where raw bytes came from: a URL or a local path. The latest fetch per location.
CREATE TABLE IF NOT EXISTS fetches (
    location TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    url TEXT NOT NULL,
    format TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    key TEXT NOT NULL,
    number TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE TABLE IF NOT EXISTS stances (
    doc_id TEXT NOT NULL,
    aspect TEXT NOT NULL,
    label TEXT NOT NULL,
    evidence TEXT NOT NULL,
    section_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stances_doc ON stances(doc_id);
CREATE TABLE IF NOT EXISTS links (
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS links_value ON links(kind, value);
CREATE TABLE IF NOT EXISTS parse_failures (
    sha256 TEXT PRIMARY KEY,
    location TEXT NOT NULL,
    reason TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    at TEXT NOT NULL
);
-- Which documents each search backend holds, so an index killed halfway catches up.
CREATE TABLE IF NOT EXISTS indexed (
    backend TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (backend, doc_id)
);
CREATE TABLE IF NOT EXISTS crawl_state (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (source, key)
);
CREATE TABLE IF NOT EXISTS crawl_failures (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    at TEXT NOT NULL
);
INSERT INTO documents VALUES ('kst-32545-143', 'cf769deb4fbd7252886d3971a505775b9853d4d92b14e8006f2beac8871d1fb4', 'officielebekendmakingen', 'motie', 'Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve spaarrente', '2021-07-06', 'https://zoek.officielebekendmakingen.nl/kst-32545-143', 'op-xml', '7', '{"id":"kst-32545-143","source":"officielebekendmakingen","doc_type":"motie","title":"Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve spaarrente","date":"2021-07-06","url":"https://zoek.officielebekendmakingen.nl/kst-32545-143","dossier":["32545"],"sha256":"cf769deb4fbd7252886d3971a505775b9853d4d92b14e8006f2beac8871d1fb4","parser_version":"7","format":"op-xml","metadata":{"dossiertitel":"Wet- en regelgeving financiële markten","vergaderjaar":"2020-2021","ondernummer":"143","publicatie":"Kamerstuk","document_status":"Opgemaakt na onopgemaakt","creator":"Tweede Kamer der Staten-Generaal","indieners":"I. (Inge) van Dijk; P.A. Grinwis","dc_title":"Wet- en regelgeving financiële markten; Motie; Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve spaarrente","soort":"Motie"},"sections":[{"key":"algemeen","number":"","heading":"","text":"Vergaderjaar 2020-2021\n\nTweede Kamer der Staten-Generaal\n\n2\n\nKamerstukken\n\n32 545","origin":"officiele-publicatie/kamerstuk/kamerstukkop/tekstregel"},{"key":"overig","number":"","heading":"Wet- en regelgeving financiële markten","text":"Nr. 143","origin":"officiele-publicatie/kamerstuk/dossier/titel"},{"key":"overig","number":"","heading":"MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS","text":"Voorgesteld 6 juli 2021\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat diverse financiële instellingen klanten laten betalen voor hun spaargeld en in sommige gevallen ook afscheid nemen van spaarders;\n\nconstaterende dat veel financiële instellingen een negatieve spaarrente hanteren vanaf € 100.000;\n\noverwegende dat voorkomen dient te worden dat de grens van negatieve spaarrente de kleine spaarder nog verder gaat raken;\n\nverzoekt de regering, om een grensspaarsaldo te definiëren waaronder een negatieve spaarrente onwenselijk is en met de banken in gesprek te gaan om afspraken te maken over het borgen van deze ondergrens;\n\nverzoekt de regering tevens, om, indien de Minister constateert dat banken niet bereid zijn zich te beperken tot dit grenssaldo, een wetsvoorstel voor te bereiden met een verbod op negatieve spaarrente vanaf de geformuleerde spaarsaldogrens,\n\nen gaat over tot de orde van de dag.\n\nInge van Dijk\n\nGrinwis","origin":"officiele-publicatie/kamerstuk/stuk/titel"}],"stances":[],"links":[{"kind":"kamerstuk","value":"kst-32545-143","target_id":"","sentence":"Kamerstukken 32 545 Nr. 143"}],"ocr_pages":[]}', '2026-11-28T12:00:00Z');
