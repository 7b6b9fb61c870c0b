//! The logical structure of a report (tagged PDF, aiming at PDF/UA-1):
//! the structure tree built while the pages are drawn, and the catalog,
//! metadata and structure objects written into printpdf's lopdf document
//! when the PDF is finished.
//!
//! Every piece of drawn content belongs to a structure element (a marked
//! content sequence with an MCID) or is an artifact (page furniture:
//! running titles, footers, rules, fills). `Doc` opens and closes the
//! marked-content sequences lazily: a new one starts only when the content
//! drawn next belongs somewhere else.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{DictItem, Op};

/// The standard structure types the reports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Document,
    H1,
    H2,
    P,
    Table,
    TR,
    TH,
    TD,
    Figure,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::P => "P",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
        }
    }
}

/// Kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Artifact {
    /// Rules, fills and repeated table headers.
    Layout,
    /// The running title of a continuation page.
    Header,
    /// The footer lines and the page number.
    Footer,
}

/// Where drawn content goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Nowhere chosen yet: drawing now is a mistake of the layout code.
    None,
    Elem(usize),
    Artifact(Artifact),
}

/// Attributes of a structure element (PDF 32000-1, 14.8.5).
#[derive(Debug, Clone, Default)]
pub(crate) struct Attrs {
    /// Table header cell of its column.
    pub column_header: bool,
    pub col_span: Option<usize>,
    /// The bounding box in PDF coordinates (from the bottom left), for a
    /// figure.
    pub bbox: Option<[f32; 4]>,
}

#[derive(Debug, Clone, Copy)]
enum Kid {
    Elem(usize),
    Content { page: usize, mcid: usize },
}

#[derive(Debug, Clone)]
struct Elem {
    role: Role,
    parent: Option<usize>,
    kids: Vec<Kid>,
    alt: Option<String>,
    attrs: Attrs,
}

/// The structure tree of a document being drawn.
#[derive(Debug, Clone)]
pub(crate) struct Tags {
    elems: Vec<Elem>,
    /// Per page, the element of every MCID (the parent tree).
    pages: Vec<Vec<usize>>,
}

/// The root element (`Document`).
pub(crate) const ROOT: usize = 0;

impl Tags {
    pub fn new() -> Tags {
        Tags {
            elems: vec![Elem {
                role: Role::Document,
                parent: None,
                kids: Vec::new(),
                alt: None,
                attrs: Attrs::default(),
            }],
            pages: Vec::new(),
        }
    }

    /// A new element, the last child of `parent`.
    pub fn add(&mut self, parent: usize, role: Role) -> usize {
        let id = self.elems.len();
        self.elems.push(Elem {
            role,
            parent: Some(parent),
            kids: Vec::new(),
            alt: None,
            attrs: Attrs::default(),
        });
        self.elems[parent].kids.push(Kid::Elem(id));
        id
    }

    pub fn set_alt(&mut self, elem: usize, alt: String) {
        self.elems[elem].alt = Some(alt);
    }

    pub fn attrs(&mut self, elem: usize) -> &mut Attrs {
        &mut self.elems[elem].attrs
    }

    /// The operator that starts a marked-content sequence of `target` on
    /// page `page` (0-based), registering its MCID.
    pub fn begin(&mut self, target: Target, page: usize) -> Op {
        match target {
            Target::Elem(elem) => {
                if self.pages.len() <= page {
                    self.pages.resize_with(page + 1, Vec::new);
                }
                let mcid = self.pages[page].len();
                self.pages[page].push(elem);
                self.elems[elem].kids.push(Kid::Content { page, mcid });
                Op::BeginMarkedContentWithProperties {
                    tag: self.elems[elem].role.name().to_string(),
                    properties: DictItem::Dict {
                        map: BTreeMap::from([("MCID".to_string(), DictItem::Int(mcid as i64))]),
                    },
                }
            }
            Target::Artifact(Artifact::Layout) | Target::None => Op::BeginMarkedContent {
                tag: "Artifact".to_string(),
            },
            Target::Artifact(kind) => Op::BeginMarkedContentWithProperties {
                tag: "Artifact".to_string(),
                properties: DictItem::Dict {
                    map: BTreeMap::from([
                        ("Type".to_string(), DictItem::Name(b"Pagination".to_vec())),
                        (
                            "Subtype".to_string(),
                            DictItem::Name(match kind {
                                Artifact::Header => b"Header".to_vec(),
                                _ => b"Footer".to_vec(),
                            }),
                        ),
                    ]),
                },
            },
        }
    }
}

/// What the info dictionary and the XMP metadata say about a document.
pub(crate) struct Meta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub creator: &'a str,
    pub producer: &'a str,
    /// ISO 8601, e.g. "2022-09-30T12:00:00Z".
    pub date: String,
}

/// The document language of every report.
pub(crate) const LANG: &str = "nl-NL";

/// A PDF text string: PDFDocEncoding is ASCII here, anything else UTF-16BE
/// with a byte order mark.
pub(crate) fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// Write the structure tree, the catalog entries of a tagged PDF (MarkInfo,
/// Lang, ViewerPreferences, XMP metadata) and a clean info dictionary into
/// the document printpdf made. The pages are those of `tags`, in order.
pub(crate) fn write(doc: &mut lopdf::Document, tags: &Tags, meta: &Meta<'_>) -> Result<(), String> {
    doc.version = "1.7".to_string();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() < tags.pages.len() {
        return Err(format!(
            "the structure tree has {} pages, the document {}",
            tags.pages.len(),
            pages.len()
        ));
    }
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = tags.elems.iter().map(|_| doc.new_object_id()).collect();
    for (i, elem) in tags.elems.iter().enumerate() {
        let first_page = elem.kids.iter().find_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            Kid::Elem(_) => None,
        });
        let kids: Vec<Object> = elem
            .kids
            .iter()
            .map(|k| match *k {
                Kid::Elem(e) => Object::Reference(ids[e]),
                Kid::Content { page, mcid } if Some(page) == first_page => {
                    Object::Integer(mcid as i64)
                }
                Kid::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(pages[page])),
                    ("MCID", Object::Integer(mcid as i64)),
                ])),
            })
            .collect();
        let mut dict = Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name(elem.role.name())),
            (
                "P",
                Object::Reference(elem.parent.map_or(root_id, |p| ids[p])),
            ),
            ("K", Object::Array(kids)),
        ]);
        if let Some(page) = first_page {
            dict.set("Pg", Object::Reference(pages[page]));
        }
        if let Some(alt) = &elem.alt {
            dict.set("Alt", text_string(alt));
        }
        if let Some(a) = attributes(&elem.attrs) {
            dict.set("A", a);
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    // The parent tree: per page (its StructParents key), the element of
    // every MCID.
    let mut nums = Vec::new();
    for (page, mcids) in tags.pages.iter().enumerate() {
        let array = doc.add_object(Object::Array(
            mcids.iter().map(|e| Object::Reference(ids[*e])).collect(),
        ));
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Reference(array));
    }
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", Object::Array(vec![Object::Reference(ids[ROOT])])),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
        ])),
    );
    for (i, page) in pages.iter().enumerate() {
        let dict = doc.get_dictionary_mut(*page).map_err(|e| e.to_string())?;
        dict.set("StructParents", Object::Integer(i as i64));
        dict.set("Tabs", name("S"));
    }
    let mut xmp = lopdf::Stream::new(
        Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]),
        xmp(meta).into_bytes(),
    );
    // Left readable: metadata is for any tool to find.
    xmp.allows_compression = false;
    let xmp = doc.add_object(xmp);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    catalog.set("Lang", text_string(LANG));
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
    catalog.set("Metadata", Object::Reference(xmp));
    // The info dictionary as printpdf wrote it, less the entries that say
    // something untrue or nothing: an empty GTS_PDFXVersion makes readers
    // report PDF/X, and the empty Keywords and Identifier.
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let info = doc.get_dictionary_mut(info).map_err(|e| e.to_string())?;
    for key in ["GTS_PDFXVersion", "Keywords", "Identifier", "Trapped"] {
        info.remove(key.as_bytes());
    }
    info.set("Title", text_string(meta.title));
    info.set("Author", text_string(meta.author));
    info.set("Subject", text_string(meta.subject));
    Ok(())
}

fn attributes(attrs: &Attrs) -> Option<Object> {
    let mut table = Dictionary::from_iter([("O", name("Table"))]);
    if attrs.column_header {
        table.set("Scope", name("Column"));
    }
    if let Some(span) = attrs.col_span.filter(|s| *s > 1) {
        table.set("ColSpan", Object::Integer(span as i64));
    }
    let mut out = Vec::new();
    if table.len() > 1 {
        out.push(Object::Dictionary(table));
    }
    if let Some(b) = attrs.bbox {
        out.push(Object::Dictionary(Dictionary::from_iter([
            ("O", name("Layout")),
            ("Placement", name("Block")),
            ("BBox", Object::Array(b.map(Object::Real).to_vec())),
        ])));
    }
    match out.len() {
        0 => None,
        1 => out.pop(),
        _ => Some(Object::Array(out)),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XMP metadata packet: the same title, author, subject, tools and
/// dates as the info dictionary, the language, and the PDF/UA-1
/// identification.
fn xmp(meta: &Meta<'_>) -> String {
    let title = escape(meta.title);
    let author = escape(meta.author);
    let subject = escape(meta.subject);
    let creator = escape(meta.creator);
    let producer = escape(meta.producer);
    let date = &meta.date;
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{LANG}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>{creator}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdf:Producer>{producer}</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#
    )
}
