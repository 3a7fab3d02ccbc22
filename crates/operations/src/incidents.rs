//! Creating incidents, editing their facts and writing their letters.

use candor_core::checks::incident::progress;
use candor_core::{
    Incident, IncidentFacts, IncidentSummary, Place, SaveReceipt, SectionKey, SectionMark,
    Severity, View, facts, render,
};

use crate::{Outcome, Workspace};

/// The setting that remembers where the user left off.
const PLACE_SETTING: &str = "last_place";

/// A new incident as typed: times are read in `zone` unless they carry an offset.
#[derive(Debug, Clone, Default)]
pub struct IncidentRequest {
    pub title: String,
    pub service: String,
    /// `sev1` (most severe) to `sev4`.
    pub severity: String,
    pub zone: String,
    pub started: Option<String>,
    pub detected: Option<String>,
    pub mitigated: Option<String>,
    pub resolved: Option<String>,
    pub affected_share: Option<f64>,
    pub affected_count: Option<i64>,
    pub regions: Vec<String>,
}

impl IncidentRequest {
    fn into_facts(self) -> Outcome<IncidentFacts> {
        let zone = facts::parse_zone(&self.zone)?;
        let time = |field, value: Option<String>| {
            facts::parse_time(field, value.as_deref().unwrap_or(""), zone)
        };
        let incident = IncidentFacts {
            started: time("started", self.started)?,
            detected: time("detected", self.detected)?,
            mitigated: time("mitigated", self.mitigated)?,
            resolved: time("resolved", self.resolved)?,
            service: self.service,
            severity: if self.severity.is_empty() {
                Severity::default()
            } else {
                self.severity.parse::<Severity>()?
            },
            zone: zone.name().to_string(),
            affected_share: self.affected_share,
            affected_count: self.affected_count,
            regions: self.regions,
            ..IncidentFacts::titled(self.title)
        };
        Ok(incident.validated()?)
    }
}

impl Workspace {
    /// Creates an incident and returns it as the wizard shows it.
    pub fn create_incident(&mut self, request: IncidentRequest) -> Outcome<Incident> {
        let facts = request.into_facts()?;
        self.forget_reads();
        let actor = self.actor.clone();
        let id = self.store.create_incident(facts, &actor)?;
        self.incident(id)
    }

    /// The incident with each step's state counting its open errors, so the wizard never
    /// shows a state the checks contradict.
    pub fn incident(&mut self, id: i64) -> Outcome<Incident> {
        let rules = self.rules()?;
        let mut incident = self.store.incident(id)?;
        let texts = self.store.letter_findings(id, &rules)?;
        incident.progress = progress(&incident, &texts);
        Ok(incident)
    }

    /// The incident exactly as stored, without running the checks.
    pub fn stored_incident(&self, id: i64) -> Outcome<Incident> {
        Ok(self.store.incident(id)?)
    }

    pub fn list_incidents(&self) -> Outcome<Vec<IncidentSummary>> {
        self.marked_unseen(self.store.list_incidents()?)
    }

    /// Incidents whose title, service or letter mention what was typed; all when empty.
    pub fn search_incidents(&self, typed: &str) -> Outcome<Vec<IncidentSummary>> {
        self.marked_unseen(self.store.search_incidents(typed)?)
    }

    /// Marks the letters someone else changed since the acting person last looked.
    fn marked_unseen(&self, mut list: Vec<IncidentSummary>) -> Outcome<Vec<IncidentSummary>> {
        let changed = self.store.changed_since_seen(&self.actor)?;
        for s in &mut list {
            s.unseen_changes = changed.contains(&s.id);
        }
        Ok(list)
    }

    /// Saves the fields the user changed from `base` (the form as it was shown).
    pub fn edit_facts(
        &mut self,
        id: i64,
        base: &candor_core::FactsDraft,
        draft: candor_core::FactsDraft,
    ) -> Outcome<Incident> {
        self.change(id, |store, _| store.edit_facts(id, base, draft))?;
        self.incident(id)
    }

    /// Saves one text of one section. With `based_on`, only if the stored text is still
    /// at that revision. An edit can move an approved letter back to review; the state is
    /// derived and logged in the same transaction as the save.
    pub fn save_section(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        body: &str,
        based_on: Option<i64>,
    ) -> Outcome<SaveReceipt> {
        self.change(id, |store, actor| {
            store.save_section_based_on(id, section, view, body, actor, based_on)
        })
    }

    pub fn set_section_mark(
        &mut self,
        id: i64,
        section: SectionKey,
        mark: &SectionMark,
    ) -> Outcome<Incident> {
        self.change(id, |store, _| store.set_section_mark(id, section, mark))?;
        self.incident(id)
    }

    /// The customer letter as Markdown, the way `letter show` prints it.
    pub fn letter_markdown(&self, id: i64) -> Outcome<String> {
        let incident = self.store.incident(id)?;
        Ok(incident.letter.customer_markdown(&incident.facts.title))
    }

    /// The customer letter as the preview shows it, without the sections left out.
    pub fn letter_html(&self, id: i64) -> Outcome<String> {
        let incident = self.store.incident(id)?;
        Ok(render::letter_html(
            &incident.letter,
            &incident.skipped_sections(),
        ))
    }

    pub fn remember_place(&mut self, place: Option<&Place>) -> Outcome<()> {
        let value = serde_json::to_string(&place).unwrap_or_else(|_| "null".into());
        self.change_settings(|store, _| store.set_setting(PLACE_SETTING, &value))
    }

    pub fn last_place(&self) -> Outcome<Option<Place>> {
        let saved = self.store.setting(PLACE_SETTING)?;
        // A place that no longer parses is forgotten rather than reported.
        Ok(saved
            .and_then(|s| serde_json::from_str::<Option<Place>>(&s).ok())
            .flatten())
    }
}
