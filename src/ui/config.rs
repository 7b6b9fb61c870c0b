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
    /// The assessor's name as it is recorded in assessments.
    pub assessor: String,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The rubric file of each dossier that is not scored against the
    /// built-in leidraad.
    pub rubrics: std::collections::BTreeMap<PathBuf, PathBuf>,
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
        let key = std::fs::canonicalize(dossier).unwrap_or_else(|_| dossier.to_path_buf());
        self.rubrics.get(&key).cloned()
    }

    pub fn set_rubric_for(&mut self, dossier: &Path, rubric: &Path) {
        let key = std::fs::canonicalize(dossier).unwrap_or_else(|_| dossier.to_path_buf());
        let rubric = std::fs::canonicalize(rubric).unwrap_or_else(|_| rubric.to_path_buf());
        self.rubrics.insert(key, rubric);
    }

    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }
}

/// Where the preferences and the user's own copy of the example live.
#[derive(Debug, Clone)]
pub struct Places {
    pub config_file: PathBuf,
    pub data_dir: PathBuf,
}

impl Places {
    pub fn find() -> Option<Places> {
        let dirs = directories::ProjectDirs::from("nl", "VNG", "leidraad")?;
        Some(Places {
            config_file: dirs.config_dir().join("instellingen.ron"),
            data_dir: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn example(&self) -> PathBuf {
        self.data_dir.join("voorbeelddossier.ron")
    }
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
