//! The commands the window calls, grouped as the window uses them. Each unpacks its
//! arguments and calls one operation of `candor-operations`; none holds a rule.

pub mod checks;
pub mod export;
pub mod incidents;
pub mod review;

/// Every command, for the generated TypeScript wrappers.
#[cfg(test)]
pub fn signatures() -> Vec<crate::ipc::Signature> {
    let cfg = ts_rs::Config::new().with_large_int("number");
    let mut all = incidents::signatures(&cfg);
    all.extend(checks::signatures(&cfg));
    all.extend(review::signatures(&cfg));
    all.extend(export::signatures(&cfg));
    all.extend(export::other_signatures(&cfg));
    all
}

#[cfg(test)]
mod tests {
    /// `ui/src/lib/commands.ts` must match the commands; CANDOR_UPDATE_BINDINGS=1 rewrites it.
    #[test]
    fn the_typescript_command_wrappers_are_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/commands.ts");
        let fresh = crate::ipc::typescript(&super::signatures());
        if std::env::var_os("CANDOR_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/commands.ts is stale: run `make bindings` and commit it"
        );
    }

    /// A command the window can call must also be a permission (build.rs), granted to the
    /// window (capabilities/main.json) and registered with the handler (lib.rs); a name
    /// missing from any of them fails only at run time, as "not allowed" or "not found".
    #[test]
    fn every_command_is_permitted_granted_and_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap_or_default();
        let (build, capabilities, lib) = (
            read("build.rs"),
            read("capabilities/main.json"),
            read("src/lib.rs"),
        );
        for s in super::signatures() {
            let name = s.command;
            assert!(
                build.contains(&format!("\"{name}\"")),
                "{name} is not in build.rs"
            );
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(
                capabilities.contains(&permission),
                "{permission} is not granted in capabilities/main.json"
            );
            assert!(
                lib.contains(&format!("::{name},")),
                "{name} is not registered in lib.rs"
            );
        }
    }
}
