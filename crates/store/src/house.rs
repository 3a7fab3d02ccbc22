//! The house style guide and the people known here, both kept in this database.

use crate::{Store, StoreError};
use candor_core::checks::HouseStyle;
use candor_core::review::Role;
use rusqlite::params;

/// The setting that holds the house style guide, as its TOML text.
const HOUSE_SETTING: &str = "house_style";

impl Store {
    /// The house style guide kept in this database (empty when none was saved).
    pub fn house_style(&self) -> Result<HouseStyle, StoreError> {
        match self.setting(HOUSE_SETTING)? {
            None => Ok(HouseStyle::default()),
            Some(text) => {
                HouseStyle::from_toml(&text).map_err(|e| StoreError::Refused(e.to_string()))
            }
        }
    }

    pub fn set_house_style(&mut self, style: &HouseStyle) -> Result<(), StoreError> {
        self.set_setting(HOUSE_SETTING, &style.to_toml())
    }

    /// The people known here, with their roles.
    pub fn people(&self) -> Result<Vec<(String, Role)>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT name, role FROM people ORDER BY name")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(n, r)| Ok((n, r.parse().map_err(StoreError::Internal)?)))
                .collect()
        })
    }

    pub fn save_person(&mut self, name: &str, role: Role) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Refused("a profile needs a name".into()));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO people (name, role) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                params![name, role.key()],
            )?;
            Ok(())
        })
    }
}
