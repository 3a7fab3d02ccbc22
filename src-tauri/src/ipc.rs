//! How a command is declared once and becomes both a Tauri command and its typed
//! TypeScript wrapper in `ui/src/lib/commands.ts`, so the window cannot call a command
//! by a misspelt name or with arguments of the wrong type.

#[cfg(test)]
use ts_rs::{Config, TS};

/// A command as TypeScript sees it.
#[cfg(test)]
pub struct Signature {
    pub command: &'static str,
    /// Each argument's Rust name and TypeScript type, in order.
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

#[cfg(test)]
impl Signature {
    pub fn of<R: TS>(
        command: &'static str,
        args: Vec<(&'static str, String)>,
        cfg: &Config,
    ) -> Signature {
        Signature {
            command,
            args,
            returns: R::name(cfg),
        }
    }
}

/// Declares commands that work on the open database. Each becomes an async Tauri command
/// (so it never runs on the main thread) that locks the workspace, runs the operation and
/// hands back its result or `{code, message}`; the module gets `signatures()`.
macro_rules! workspace_commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty = |$w:ident| $body:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command(async)]
            pub fn $name(
                state: tauri::State<'_, crate::AppState>,
                $($arg: $ty),*
            ) -> Result<$ret, candor_core::ErrorBody> {
                state.with(|$w| $body)
            }
        )*

        #[cfg(test)]
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<crate::ipc::Signature> {
            vec![$(crate::ipc::Signature::of::<$ret>(
                stringify!($name),
                vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(cfg))),*],
                cfg,
            )),*]
        }
    };
}
pub(crate) use workspace_commands;

/// The TypeScript module of every command's wrapper.
#[cfg(test)]
pub fn typescript(signatures: &[Signature]) -> String {
    let mut types: Vec<String> = Vec::new();
    for s in signatures {
        for t in s.args.iter().map(|(_, t)| t).chain([&s.returns]) {
            types.extend(named_types(t));
        }
    }
    types.sort();
    types.dedup();
    let mut out = String::from(
        "// Generated from the commands in src-tauri by `make bindings`. Do not edit.\n",
    );
    out.push_str("import { call } from './call';\n");
    out.push_str(&format!(
        "import type {{ {} }} from './bindings';\n\n",
        types.join(", ")
    ));
    out.push_str("export const commands = {\n");
    for s in signatures {
        let params: Vec<String> = s
            .args
            .iter()
            .map(|(name, t)| format!("{}: {t}", camel(name)))
            .collect();
        let keys: Vec<String> = s.args.iter().map(|(name, _)| camel(name)).collect();
        let args = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        out.push_str(&format!(
            "  {}: ({}) => call<{}>('{}'{args}),\n",
            camel(s.command),
            params.join(", "),
            s.returns,
            s.command
        ));
    }
    out.push_str("};\n");
    out
}

/// Tauri passes `base_revision` as `baseRevision`.
#[cfg(test)]
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The declared types a TypeScript type names (`Array<LogEntry> | null` → `LogEntry`).
#[cfg(test)]
fn named_types(ts: &str) -> Vec<String> {
    ts.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|w| !matches!(*w, "Array" | "Record" | "Partial"))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_camel_cased_and_types_imported() {
        assert_eq!(camel("base_revision"), "baseRevision");
        assert_eq!(named_types("Array<LogEntry> | null"), vec!["LogEntry"]);
    }
}
