//! The window's own preferences: who is scoring and the recent dossiers.
//! Loaded leniently (a damaged file gives the defaults, never an error
//! screen); dossiers and rubrics are loaded strictly elsewhere.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent dossiers are remembered.
pub const RECENT_MAX: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Who uses the program, asked at the first start (None: not asked
    /// yet); it decides where the window opens.
    pub role: Option<UserRole>,
    /// The user's name as it is recorded in assessments and the log.
    pub assessor: String,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The rubric file of each dossier that is not scored against the
    /// built-in leidraad.
    pub rubrics: std::collections::BTreeMap<PathBuf, PathBuf>,
}

/// Who uses the program (the settings; a dossier's own list decides what
/// that name may see in it: `leidraad_core::roles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserRole {
    /// Beoordelaar: scores plans; the window opens on the dossier's list.
    Assessor,
    /// Programmabureau: the list, the ranking and the panel's tools.
    Staff,
    /// Aanvrager: the self-check only, no dossier of anyone's scores.
    Applicant,
}

impl UserRole {
    pub const ALL: [UserRole; 3] = [UserRole::Assessor, UserRole::Staff, UserRole::Applicant];
}

impl Config {
    /// Read the preferences; anything unreadable gives the defaults.
    pub fn load(path: &Path) -> Config {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str::<Config>(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| e.to_string())?;
        leidraad_core::store::write_atomic(path, text.as_bytes(), false).map_err(|e| e.to_string())
    }

    /// The rubric file remembered for a dossier, if any.
    pub fn rubric_for(&self, dossier: &Path) -> Option<PathBuf> {
        let key = dunce::canonicalize(dossier).unwrap_or_else(|_| dossier.to_path_buf());
        self.rubrics.get(&key).cloned()
    }

    pub fn set_rubric_for(&mut self, dossier: &Path, rubric: &Path) {
        let key = dunce::canonicalize(dossier).unwrap_or_else(|_| dossier.to_path_buf());
        let rubric = dunce::canonicalize(rubric).unwrap_or_else(|_| rubric.to_path_buf());
        self.rubrics.insert(key, rubric);
    }

    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = dunce::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }
}

/// Where the preferences and the user's own copy of the example live
/// (through `directories`: `~/.config/leidraad` and `~/.local/share/leidraad`
/// on Linux, `%APPDATA%\VNG\leidraad\config` and `...\data` on Windows),
/// and where file dialogs start.
#[derive(Debug, Clone)]
pub struct Places {
    pub config_file: PathBuf,
    pub data_dir: PathBuf,
    /// The user's Documents folder, if the system names one.
    pub documents: Option<PathBuf>,
}

impl Places {
    pub fn find() -> Option<Places> {
        let dirs = directories::ProjectDirs::from("nl", "VNG", "leidraad")?;
        let documents = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(Path::to_path_buf))
            .filter(|d| d.is_dir());
        Some(Places {
            config_file: dirs.config_dir().join("instellingen.ron"),
            data_dir: dirs.data_dir().to_path_buf(),
            documents,
        })
    }

    /// Where a file dialog starts when no dossier of the user's own
    /// suggests a folder: Documents, else the data folder.
    pub fn dialog_default(&self) -> PathBuf {
        self.documents
            .clone()
            .unwrap_or_else(|| self.data_dir.clone())
    }

    pub fn example(&self) -> PathBuf {
        self.data_dir.join("voorbeelddossier.ron")
    }
}

/// Where a file dialog starts: the folder of the open dossier, or else
/// (and for the example, which lives in the program's data folder) the
/// user's Documents folder.
pub fn dialog_start(dossier_folder: Option<&Path>, places: Option<&Places>) -> Option<PathBuf> {
    let own = dossier_folder.filter(|dir| places.is_none_or(|p| !same_folder(dir, &p.data_dir)));
    own.map(Path::to_path_buf)
        .or_else(|| places.map(Places::dialog_default))
}

/// Whether two paths name the same folder (either may be a link).
fn same_folder(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (dunce::canonicalize(a), dunce::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}

/// Copy the example dossier into the data folder unless a file is there
/// already: the user's own work is never overwritten.
pub fn ensure_example(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    // User-only, as every dossier this program writes.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(leidraad_core::dossier::EXAMPLE_SOURCE.as_bytes())?;
            file.sync_all()
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_config_gives_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("instellingen.ron");
        std::fs::write(&path, "Config(assessor: 12, oops").unwrap();
        assert_eq!(Config::load(&path), Config::default());
    }

    #[test]
    fn the_config_round_trips_and_unknown_fields_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/instellingen.ron");
        let mut c = Config {
            assessor: "J. de Vries".into(),
            ..Config::default()
        };
        c.remember(Path::new("/tmp/a.ron"));
        c.save(&path).unwrap();
        assert_eq!(Config::load(&path), c);
        std::fs::write(&path, "(assessor: \"X\", later_setting: true)").unwrap();
        assert_eq!(Config::load(&path).assessor, "X");
    }

    #[test]
    fn dialogs_start_in_the_dossiers_folder_or_else_in_documents() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let documents = dir.path().join("Documenten");
        let work = dir.path().join("werk");
        for d in [&data, &documents, &work] {
            std::fs::create_dir(d).unwrap();
        }
        let places = Places {
            config_file: dir.path().join("instellingen.ron"),
            data_dir: data.clone(),
            documents: Some(documents.clone()),
        };
        let start = |folder: Option<&Path>| dialog_start(folder, Some(&places));
        assert_eq!(start(Some(&work)), Some(work.clone()));
        assert_eq!(start(None), Some(documents.clone()), "no dossier open");
        assert_eq!(start(Some(&data)), Some(documents.clone()), "the example");
        assert_eq!(
            start(Some(&data.join("..").join("data"))),
            Some(documents),
            "the example, by another spelling of its folder"
        );
        let no_documents = Places {
            documents: None,
            ..places.clone()
        };
        assert_eq!(dialog_start(None, Some(&no_documents)), Some(data));
        assert_eq!(dialog_start(None, None), None);
    }

    #[test]
    fn the_example_never_overwrites_user_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/voorbeelddossier.ron");
        ensure_example(&path).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            leidraad_core::dossier::EXAMPLE_SOURCE
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "user-only");
        }
        std::fs::write(&path, "mine").unwrap();
        ensure_example(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }
}
