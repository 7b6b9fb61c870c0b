//! Accessibility of every kind of PDF the program makes (issue 20): the
//! catalog and metadata of a tagged PDF, a structure tree that reaches every
//! piece of marked content through the parent tree, headings, tables with
//! header cells, figures with alternative text, nothing painted outside
//! the structure or an artifact, what `pdfinfo` reports, and the contrast
//! of every text and chart mark as drawn.
//!
//! No PDF/UA checker runs in CI (veraPDF needs Java and a download); the
//! README says which checkers were run by hand and what they reported.
//! These tests walk the structure the way such a checker does.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::Command;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::report_support::{example, printed};
use leidraad_core::dossier::{Decision, DecisionKind, Round};
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::scoring;
use leidraad_core::selfcheck::{KoAnswer, KoCheck, SelfCheck};
use leidraad_report::{self as report, SheetKind};

/// One PDF of every kind, with the shapes that matter for tagging: a score
/// sheet whose motivation flows over pages, a consensus sheet, both
/// rankings (round 2 with a tie, and once decided), the ranking of an
/// empty dossier, and a self-check of several pages.
fn every_kind() -> Vec<(String, Vec<u8>)> {
    let (rubric, mut dossier) = example();
    let mut out = Vec::new();
    let kinds = report::sheets(&dossier, None, None);
    let assessment = kinds
        .iter()
        .find(|k| matches!(k, SheetKind::Assessment { .. }))
        .expect("the example has an assessment")
        .clone();
    if let SheetKind::Assessment {
        application,
        assessor,
        round,
    } = &assessment
    {
        let a = dossier
            .assessment_mut(application, assessor, *round)
            .unwrap();
        a.criteria
            .get_mut(&CriterionId::from("C2"))
            .unwrap()
            .motivation =
            "De regio beschrijft de samenwerking met partners uitvoerig en concreet. ".repeat(60);
    }
    out.push((
        "sheet (long motivation)".to_string(),
        report::score_sheet(&rubric, &dossier, &assessment, printed()).unwrap(),
    ));
    let consensus = kinds
        .iter()
        .find(|k| matches!(k, SheetKind::Consensus { .. }))
        .expect("the example has a consensus");
    out.push((
        "consensus sheet".to_string(),
        report::score_sheet(&rubric, &dossier, consensus, printed()).unwrap(),
    ));
    for round in Round::ALL {
        out.push((
            format!("ranking round {round}"),
            report::ranking_report(&rubric, &dossier, round, printed()).unwrap(),
        ));
    }
    let eval = scoring::evaluate(&rubric, &dossier, Round::Two);
    let tie = eval.ties.first().expect("the example has a tie in round 2");
    dossier.decisions.push(Decision {
        round: Round::Two,
        kind: DecisionKind::TieBreak {
            group: tie.members.iter().cloned().collect(),
            awarded: tie.members.last().cloned().into_iter().collect(),
        },
        motivation: "Het panel kiest de regio met het stevigste bestuurlijk draagvlak.".into(),
        by: "Programmateam".into(),
        at: None,
        basis: Default::default(),
    });
    out.push((
        "ranking round 2, tie decided".to_string(),
        report::ranking_report(&rubric, &dossier, Round::Two, printed()).unwrap(),
    ));
    let empty = leidraad_core::dossier::Dossier::new("Leeg", &rubric);
    out.push((
        "ranking of an empty dossier".to_string(),
        report::ranking_report(&rubric, &empty, Round::One, printed()).unwrap(),
    ));
    out.push((
        "self-check".to_string(),
        leidraad_report::selfcheck::render(&rubric, &self_check(&rubric), printed()).unwrap(),
    ));
    out
}

/// A self-check whose knock-out notes run over pages.
fn self_check(rubric: &Rubric) -> SelfCheck {
    let mut c = SelfCheck::new(rubric);
    c.title = "Concept proeftuin Regio Zuidwaard".to_string();
    let note = "Dit moet nog worden uitgewerkt met de partners in de regio. ".repeat(12);
    for (i, k) in rubric.knockouts.iter().enumerate() {
        let answer = if i == 1 {
            KoAnswer::NotPlausible
        } else {
            KoAnswer::DontKnow
        };
        c.knockouts.insert(
            k.id.clone(),
            KoCheck {
                answer,
                note: note.clone(),
            },
        );
    }
    c
}

// ---------------------------------------------------------------------
// Reading the document

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).expect("a dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("expected a dictionary, got {other:?}"),
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).expect("a reference resolves"),
        other => other,
    }
}

fn name(d: &Dictionary, key: &str) -> Option<String> {
    d.get(key.as_bytes())
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A PDF text string: UTF-16BE with a byte order mark, or PDFDocEncoding
/// (ASCII here).
fn text(object: &Object) -> String {
    let Object::String(bytes, _) = object else {
        panic!("expected a string, got {object:?}");
    };
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).expect("valid UTF-16")
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn info(doc: &Document) -> &Dictionary {
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id).unwrap()
}

/// A structure element as the test sees it.
#[derive(Debug, Clone)]
struct Elem {
    role: String,
    kids: Vec<ObjectId>,
    /// Marked content: (page, MCID).
    content: Vec<(ObjectId, i64)>,
    alt: Option<String>,
    attrs: Vec<Dictionary>,
}

/// Walk the structure tree from the StructTreeRoot: every element by its
/// object id. Checks on the way that each element's /P is its parent.
fn structure(doc: &Document) -> (ObjectId, BTreeMap<ObjectId, Elem>) {
    let catalog = doc.catalog().unwrap();
    let root_id = catalog
        .get(b"StructTreeRoot")
        .expect("a StructTreeRoot")
        .as_reference()
        .unwrap();
    let root = doc.get_dictionary(root_id).unwrap();
    assert_eq!(name(root, "Type").as_deref(), Some("StructTreeRoot"));
    let mut elems = BTreeMap::new();
    let mut todo: Vec<(ObjectId, ObjectId)> = kid_refs(root.get(b"K").unwrap())
        .into_iter()
        .map(|k| (k, root_id))
        .collect();
    while let Some((id, parent)) = todo.pop() {
        let d = doc.get_dictionary(id).unwrap();
        assert_eq!(name(d, "Type").as_deref(), Some("StructElem"), "{id:?}");
        assert_eq!(
            d.get(b"P").unwrap().as_reference().unwrap(),
            parent,
            "the /P of {id:?} is its parent"
        );
        let page = d.get(b"Pg").ok().and_then(|p| p.as_reference().ok());
        let mut elem = Elem {
            role: name(d, "S").expect("a role"),
            kids: Vec::new(),
            content: Vec::new(),
            alt: d.get(b"Alt").ok().map(text),
            attrs: match d.get(b"A") {
                Ok(a) => match resolve(doc, a) {
                    Object::Array(list) => list.iter().map(|a| dict(doc, a).clone()).collect(),
                    a => vec![dict(doc, a).clone()],
                },
                Err(_) => Vec::new(),
            },
        };
        let kids = match d.get(b"K") {
            Ok(Object::Array(list)) => list.clone(),
            Ok(k) => vec![k.clone()],
            Err(_) => Vec::new(),
        };
        for kid in kids {
            match kid {
                Object::Integer(mcid) => {
                    elem.content
                        .push((page.expect("an element with MCIDs has /Pg"), mcid));
                }
                Object::Reference(r) => {
                    elem.kids.push(r);
                    todo.push((r, id));
                }
                Object::Dictionary(mcr) => {
                    assert_eq!(name(&mcr, "Type").as_deref(), Some("MCR"));
                    let pg = mcr
                        .get(b"Pg")
                        .ok()
                        .and_then(|p| p.as_reference().ok())
                        .or(page)
                        .expect("a marked-content reference has a page");
                    elem.content
                        .push((pg, mcr.get(b"MCID").unwrap().as_i64().unwrap()));
                }
                other => panic!("unexpected kid {other:?} of {id:?}"),
            }
        }
        assert!(
            elems.insert(id, elem).is_none(),
            "{id:?} is in the tree once"
        );
    }
    (root_id, elems)
}

fn kid_refs(k: &Object) -> Vec<ObjectId> {
    match k {
        Object::Array(list) => list.iter().map(|o| o.as_reference().unwrap()).collect(),
        Object::Reference(r) => vec![*r],
        other => panic!("unexpected /K {other:?}"),
    }
}

/// The number tree of the ParentTree, flattened: key to value.
fn number_tree(doc: &Document, node: &Dictionary, out: &mut BTreeMap<i64, Object>) {
    if let Ok(Object::Array(nums)) = node.get(b"Nums") {
        for pair in nums.chunks(2) {
            out.insert(pair[0].as_i64().unwrap(), pair[1].clone());
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids") {
        for kid in kids {
            number_tree(doc, dict(doc, kid), out);
        }
    }
}

/// What one page's content stream marks.
#[derive(Debug, Default)]
struct PageMarks {
    /// MCID to the tag of its BDC.
    mcids: BTreeMap<i64, String>,
    /// Painting operators outside any marked content, or inside marked
    /// content that is neither an artifact nor has an MCID.
    untagged: Vec<String>,
    /// Text drawn: (colour, x, y, inside a figure).
    texts: Vec<([f32; 3], f32, f32)>,
    /// Filled rectangles: (colour, x, y, w, h, inside a figure, an artifact).
    fills: Vec<([f32; 3], [f32; 4], bool, bool)>,
    /// Stroked lines inside a figure: (colour, width).
    figure_strokes: Vec<([f32; 3], f32)>,
}

const PAINTING: &[&str] = &[
    "Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI",
];

fn number(o: &Object) -> f32 {
    o.as_float()
        .or_else(|_| o.as_i64().map(|i| i as f32))
        .unwrap()
}

/// Walk a page's content stream with a stack of marked-content sequences.
fn page_marks(
    doc: &Document,
    page: ObjectId,
    figure_mcids: &BTreeSet<(ObjectId, i64)>,
) -> PageMarks {
    let content = doc.get_and_decode_page_content(page).unwrap();
    let mut marks = PageMarks::default();
    // Per open sequence: Some(mcid) for tagged content, None for an artifact
    // (or a sequence without an MCID: untagged).
    let mut stack: Vec<(String, Option<i64>)> = Vec::new();
    let mut fill = [0.0f32; 3];
    let mut stroke = [0.0f32; 3];
    let mut width = 1.0f32;
    let mut text_pos = (0.0f32, 0.0f32);
    let mut rect: Option<[f32; 4]> = None;
    for op in &content.operations {
        let operands = &op.operands;
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = String::from_utf8_lossy(operands[0].as_name().unwrap()).into_owned();
                let mcid = operands
                    .get(1)
                    .map(|p| dict(doc, p))
                    .and_then(|p| p.get(b"MCID").ok())
                    .map(|m| m.as_i64().unwrap());
                assert!(stack.is_empty(), "marked content is not nested here");
                if let Some(m) = mcid {
                    assert!(
                        marks.mcids.insert(m, tag.clone()).is_none(),
                        "MCID {m} used twice on a page"
                    );
                }
                stack.push((tag, mcid));
            }
            "EMC" => {
                stack.pop().expect("EMC closes an open sequence");
            }
            "rg" => fill = [0, 1, 2].map(|i| number(&operands[i])),
            "RG" => stroke = [0, 1, 2].map(|i| number(&operands[i])),
            "w" => width = number(&operands[0]),
            "Tm" => text_pos = (number(&operands[4]), number(&operands[5])),
            "re" => rect = Some([0, 1, 2, 3].map(|i| number(&operands[i]))),
            _ => {}
        }
        if !PAINTING.contains(&op.operator.as_str()) {
            continue;
        }
        let top = stack.last();
        let artifact = top.is_some_and(|(tag, _)| tag == "Artifact");
        let mcid = top.and_then(|(_, m)| *m);
        if !artifact && mcid.is_none() {
            marks.untagged.push(op.operator.clone());
        }
        let in_figure = mcid.is_some_and(|m| figure_mcids.contains(&(page, m)));
        match op.operator.as_str() {
            "Tj" | "TJ" | "'" | "\"" => marks.texts.push((fill, text_pos.0, text_pos.1)),
            "f" | "F" | "f*" => {
                if let Some(r) = rect.take() {
                    marks.fills.push((fill, r, in_figure, artifact));
                }
            }
            "S" | "s" if in_figure => marks.figure_strokes.push((stroke, width)),
            _ => {}
        }
    }
    assert!(
        stack.is_empty(),
        "every marked-content sequence is closed on its page"
    );
    marks
}

// ---------------------------------------------------------------------
// The tests

#[test]
fn every_pdf_is_a_tagged_pdf_in_dutch_with_title_author_and_metadata() {
    for (kind, pdf) in every_kind() {
        let doc = Document::load_mem(&pdf).expect("the PDF parses");
        assert!(doc.version.as_str() >= "1.7", "{kind}: PDF {}", doc.version);
        let catalog = doc.catalog().unwrap();
        let mark_info = dict(&doc, catalog.get(b"MarkInfo").expect("MarkInfo"));
        assert!(
            mark_info.get(b"Marked").unwrap().as_bool().unwrap(),
            "{kind}: MarkInfo Marked"
        );
        assert_eq!(text(catalog.get(b"Lang").expect("Lang")), "nl-NL", "{kind}");
        let prefs = dict(
            &doc,
            catalog
                .get(b"ViewerPreferences")
                .expect("ViewerPreferences"),
        );
        assert!(
            prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap(),
            "{kind}: DisplayDocTitle"
        );
        let info = info(&doc);
        let title = text(info.get(b"Title").unwrap());
        let author = text(info.get(b"Author").unwrap());
        assert!(!title.trim().is_empty(), "{kind}: a title");
        assert!(!author.trim().is_empty(), "{kind}: an author");
        assert!(
            !info.has(b"GTS_PDFXVersion"),
            "{kind}: no PDF/X version claimed"
        );
        // The XMP metadata says the same.
        let xmp_id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
        let xmp = doc.get_object(xmp_id).unwrap().as_stream().unwrap();
        assert_eq!(name(&xmp.dict, "Subtype").as_deref(), Some("XML"));
        let xmp = String::from_utf8(xmp.content.clone()).expect("uncompressed UTF-8 XMP");
        let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
        for want in [
            format!("<rdf:li xml:lang=\"x-default\">{}</rdf:li>", escape(&title)),
            format!("<rdf:li>{}</rdf:li>", escape(&author)),
            "<rdf:li>nl-NL</rdf:li>".to_string(),
            "<pdfuaid:part>1</pdfuaid:part>".to_string(),
        ] {
            assert!(xmp.contains(&want), "{kind}: XMP lacks {want}\n{xmp}");
        }
        for (_, page) in doc.get_pages() {
            let p = doc.get_dictionary(page).unwrap();
            assert_eq!(name(p, "Tabs").as_deref(), Some("S"), "{kind}: tab order");
        }
    }
}

#[test]
fn every_mcid_is_reached_from_the_structure_root_and_nothing_is_painted_untagged() {
    for (kind, pdf) in every_kind() {
        let doc = Document::load_mem(&pdf).unwrap();
        let (root_id, elems) = structure(&doc);
        // Every (page, MCID) the tree reaches, with its element.
        let mut reached: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
        for (id, e) in &elems {
            for c in &e.content {
                assert!(
                    reached.insert(*c, *id).is_none(),
                    "{kind}: {c:?} belongs to one element"
                );
            }
        }
        let figure_mcids: BTreeSet<(ObjectId, i64)> = elems
            .values()
            .filter(|e| e.role == "Figure")
            .flat_map(|e| e.content.iter().copied())
            .collect();
        let root = doc.get_dictionary(root_id).unwrap();
        let mut parent_tree = BTreeMap::new();
        number_tree(
            &doc,
            dict(&doc, root.get(b"ParentTree").unwrap()),
            &mut parent_tree,
        );
        let pages = doc.get_pages();
        let mut seen = 0;
        for (number, page) in &pages {
            let p = doc.get_dictionary(*page).unwrap();
            let key = p
                .get(b"StructParents")
                .unwrap_or_else(|_| panic!("{kind}: page {number} has StructParents"))
                .as_i64()
                .unwrap();
            let marks = page_marks(&doc, *page, &figure_mcids);
            assert!(
                marks.untagged.is_empty(),
                "{kind}: page {number} paints {:?} outside the structure and artifacts",
                marks.untagged
            );
            let array = match parent_tree.get(&key) {
                Some(a) => resolve(&doc, a).as_array().unwrap().clone(),
                None => Vec::new(),
            };
            assert_eq!(
                array.len(),
                marks.mcids.len(),
                "{kind}: page {number}: the parent tree has an entry for every MCID"
            );
            for (mcid, tag) in &marks.mcids {
                let owner = array[*mcid as usize].as_reference().unwrap();
                assert_eq!(
                    reached.get(&(*page, *mcid)),
                    Some(&owner),
                    "{kind}: page {number} MCID {mcid}: the parent tree and the structure tree agree"
                );
                assert_eq!(&elems[&owner].role, tag, "{kind}: the BDC tag is the role");
                seen += 1;
            }
        }
        assert_eq!(
            seen,
            reached.len(),
            "{kind}: every MCID of the tree is on a page"
        );
    }
}

fn roles<'a>(elems: &'a BTreeMap<ObjectId, Elem>, role: &str) -> Vec<&'a Elem> {
    elems.values().filter(|e| e.role == role).collect()
}

fn col_span(e: &Elem) -> i64 {
    e.attrs
        .iter()
        .find_map(|a| a.get(b"ColSpan").ok().map(|s| s.as_i64().unwrap()))
        .unwrap_or(1)
}

#[test]
fn headings_tables_and_figures_have_their_roles() {
    for (kind, pdf) in every_kind() {
        let doc = Document::load_mem(&pdf).unwrap();
        let (_, elems) = structure(&doc);
        let documents = roles(&elems, "Document");
        assert_eq!(documents.len(), 1, "{kind}: one Document element");
        let h1 = roles(&elems, "H1");
        assert_eq!(h1.len(), 1, "{kind}: one H1, the title");
        assert!(!h1[0].content.is_empty(), "{kind}: the H1 has text");
        for e in elems.values() {
            if e.role.starts_with('H') || e.role == "P" || e.role == "TH" {
                assert!(
                    !e.content.is_empty() || e.role == "TH",
                    "{kind}: an empty {}",
                    e.role
                );
            }
        }
        if kind != "ranking of an empty dossier" {
            assert!(!roles(&elems, "H2").is_empty(), "{kind}: section headings");
            let tables = roles(&elems, "Table");
            assert!(!tables.is_empty(), "{kind}: tables");
            for table in tables {
                let rows: Vec<&Elem> = table.kids.iter().map(|k| &elems[k]).collect();
                assert!(rows.len() >= 2, "{kind}: a header row and a row");
                assert!(rows.iter().all(|r| r.role == "TR"), "{kind}: rows are TR");
                let header: Vec<&Elem> = rows[0].kids.iter().map(|k| &elems[k]).collect();
                let columns: i64 = header.iter().map(|c| col_span(c)).sum();
                for th in &header {
                    assert_eq!(th.role, "TH", "{kind}: the first row holds header cells");
                    assert!(!th.content.is_empty(), "{kind}: a header cell has text");
                    assert!(
                        th.attrs
                            .iter()
                            .any(|a| name(a, "Scope").as_deref() == Some("Column")),
                        "{kind}: a header cell is the header of its column"
                    );
                }
                for row in &rows[1..] {
                    let cells: Vec<&Elem> = row.kids.iter().map(|k| &elems[k]).collect();
                    assert!(cells.iter().all(|c| c.role == "TD"), "{kind}: data cells");
                    let span: i64 = cells.iter().map(|c| col_span(c)).sum();
                    assert_eq!(span, columns, "{kind}: every row spans the columns");
                }
            }
        }
        let figures = roles(&elems, "Figure");
        if kind.starts_with("ranking round") {
            assert_eq!(figures.len(), 1, "{kind}: the chart is a figure");
        } else {
            assert!(figures.is_empty(), "{kind}: no figure");
        }
        for f in figures {
            let alt = f.alt.as_deref().unwrap_or("");
            assert!(
                alt.len() > 40,
                "{kind}: the figure has alternative text: {alt:?}"
            );
            assert!(
                f.attrs.iter().any(|a| a.has(b"BBox")),
                "{kind}: the figure has a bounding box"
            );
        }
    }
}

#[test]
fn the_chart_says_in_words_what_it_shows() {
    let (rubric, dossier) = example();
    for round in Round::ALL {
        let eval = scoring::evaluate(&rubric, &dossier, round);
        let pdf = report::ranking_report(&rubric, &dossier, round, printed()).unwrap();
        let doc = Document::load_mem(&pdf).unwrap();
        let (_, elems) = structure(&doc);
        let alt = roles(&elems, "Figure")[0].alt.clone().unwrap();
        assert!(
            alt.contains(&format!("drempel van {} punten", eval.threshold)),
            "{alt}"
        );
        for a in eval.applications.iter().filter(|a| a.total.is_some()) {
            let want = format!("{} {}: {}", a.id, a.region, a.total.unwrap().to_dutch());
            assert!(
                alt.contains(&want),
                "round {round}: {want:?} not in {alt:?}"
            );
            assert!(alt.contains(leidraad_core::nl::status(a.status)));
        }
        if round == Round::Two {
            assert!(
                alt.contains("eerste beoordeling"),
                "round 1 beside round 2: {alt}"
            );
            assert!(alt.contains("toekenningsgrens (4) ligt onder"), "{alt}");
        }
    }
}

// ---------------------------------------------------------------------
// Contrast, as drawn

fn luminance(c: [f32; 3]) -> f64 {
    let channel = |c: f32| {
        let c = f64::from(c);
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

fn contrast(a: [f32; 3], b: [f32; 3]) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

const WHITE: [f32; 3] = [1.0, 1.0, 1.0];

#[test]
fn every_text_has_contrast_4_5_to_1_and_chart_marks_3_to_1() {
    assert!((contrast([0.0; 3], WHITE) - 21.0).abs() < 1e-6);
    for (kind, pdf) in every_kind() {
        let doc = Document::load_mem(&pdf).unwrap();
        let (_, elems) = structure(&doc);
        let figure_mcids: BTreeSet<(ObjectId, i64)> = elems
            .values()
            .filter(|e| e.role == "Figure")
            .flat_map(|e| e.content.iter().copied())
            .collect();
        let mut texts = 0;
        for (number, page) in doc.get_pages() {
            let marks = page_marks(&doc, page, &figure_mcids);
            for (colour, x, y) in &marks.texts {
                // The background: the last fill (box, header or group row)
                // under the start of the text, or the white page.
                let background = marks
                    .fills
                    .iter()
                    .rev()
                    .find(|(_, r, in_figure, _)| {
                        !in_figure
                            && r[0] <= *x
                            && *x <= r[0] + r[2]
                            && r[1] <= *y
                            && *y <= r[1] + r[3]
                    })
                    .map_or(WHITE, |(c, ..)| *c);
                let ratio = contrast(*colour, background);
                assert!(
                    ratio >= 4.5,
                    "{kind}: page {number}: text in {colour:?} on {background:?} at ({x}, {y}): {ratio:.2}:1"
                );
                texts += 1;
            }
            for (colour, _, in_figure, _) in &marks.fills {
                if *in_figure {
                    let ratio = contrast(*colour, WHITE);
                    assert!(
                        ratio >= 3.0,
                        "{kind}: a chart bar in {colour:?}: {ratio:.2}:1"
                    );
                }
            }
            // Lines that carry meaning (the threshold, the award line, the
            // axis); the thin grid is decoration.
            for (colour, width) in &marks.figure_strokes {
                if *width >= 0.6 {
                    let ratio = contrast(*colour, WHITE);
                    assert!(
                        ratio >= 3.0,
                        "{kind}: a chart line in {colour:?}: {ratio:.2}:1"
                    );
                }
            }
        }
        assert!(texts > 10, "{kind}: the texts were found ({texts})");
    }
}

// ---------------------------------------------------------------------
// pdfinfo

#[test]
fn pdfinfo_reports_tagged_a_title_and_no_pdf_x() {
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdfinfo is required under CI: apt-get install poppler-utils"
        );
        eprintln!("note: pdfinfo not found; skipping");
        return;
    }
    for (kind, pdf) in every_kind() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&pdf).unwrap();
        file.flush().unwrap();
        let out = Command::new("pdfinfo").arg(file.path()).output().unwrap();
        assert!(out.status.success(), "{kind}: pdfinfo failed: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.trim().is_empty(),
            "{kind}: pdfinfo complained: {stderr}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let field = |key: &str| {
            stdout
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key}:")))
                .map(str::trim)
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(field("Tagged"), "yes", "{kind}:\n{stdout}");
        assert!(!field("Title").is_empty(), "{kind}: a title\n{stdout}");
        assert!(!field("Author").is_empty(), "{kind}: an author\n{stdout}");
        assert_eq!(field("PDF version"), "1.7", "{kind}:\n{stdout}");
        assert!(!stdout.contains("PDF/X"), "{kind}: no PDF/X\n{stdout}");
        assert!(
            !stdout.contains("PDF subtype"),
            "{kind}: no subtype\n{stdout}"
        );
    }
}
