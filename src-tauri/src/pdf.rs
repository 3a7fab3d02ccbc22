//! Save as PDF: the letter's export HTML laid out on paper by the webview's own print
//! engine (WebKitGTK), with the export stylesheet's print rules and the DRAFT mark where it
//! applies, written straight to the chosen file without a print dialog. The page loads in
//! a hidden window; the PDF is written beside the chosen file and moved into place only
//! when complete, so a failed print never leaves half a file or replaces an older one.

use candor_core::ErrorBody;
use candor_core::export::Exported;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tauri::{AppHandle, State};

/// A letter of any length prints in well under this; past it the print is given up.
const PRINT_TIMEOUT: Duration = Duration::from_secs(60);

/// Renders the letter for paper, prints it to `path` and only then records the export.
#[tauri::command(async)]
pub fn save_pdf(
    app: AppHandle,
    state: State<'_, crate::AppState>,
    id: i64,
    path: String,
) -> Result<Exported, ErrorBody> {
    let target = PathBuf::from(path);
    state.with(|w| w.export_pdf(id, |html| print_to_pdf(&app, html, &target)))
}

/// `letter.pdf` → `letter.pdf.part`, in the same folder so the final move is a rename.
fn partial(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    path.with_file_name(name)
}

#[cfg(target_os = "linux")]
fn print_to_pdf(app: &AppHandle, html: &str, path: &Path) -> Result<(), String> {
    use std::sync::mpsc;
    use tauri::webview::PageLoadEvent;
    use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

    if !path.is_absolute() {
        return Err(format!("{} is not a full path", path.display()));
    }
    let part = partial(path);
    let page = std::env::temp_dir().join(format!(
        "candor-print-{}-{}.html",
        std::process::id(),
        unique_number()
    ));
    // The letter may be an unapproved draft: only this user may read the page.
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&page)
            .and_then(|mut f| f.write_all(html.as_bytes()))
            .map_err(|e| format!("the page to print could not be written: {e}"))?;
    }
    let page_url = tauri::Url::from_file_path(&page)
        .map_err(|()| "the page to print has no address".to_string())?;
    let out_url = tauri::Url::from_file_path(&part)
        .map_err(|()| format!("{} has no address", part.display()))?;

    let label = format!("print-{}", unique_number());
    let (done, finished) = mpsc::channel::<Result<(), String>>();
    let on_load = done.clone();
    let window = WebviewWindowBuilder::new(app, &label, WebviewUrl::CustomProtocol(page_url))
        .visible(false)
        .on_page_load(move |webview, payload| {
            if payload.event() != PageLoadEvent::Finished {
                return;
            }
            let out = out_url.to_string();
            let report = on_load.clone();
            let started = webview.with_webview(move |platform| {
                start_print(platform.inner(), &out, report);
            });
            if let Err(e) = started {
                let _ = on_load.send(Err(format!("the print engine could not be reached: {e}")));
            }
        })
        .build()
        .map_err(|e| format!("the page to print could not be opened: {e}"))?;
    let outcome = finished
        .recv_timeout(PRINT_TIMEOUT)
        .unwrap_or_else(|_| Err("the print engine did not finish within a minute".into()));
    drop(done);
    let _ = window.destroy();
    let _ = std::fs::remove_file(&page);
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_focus();
    }
    let finish = outcome.and_then(|()| {
        let bytes =
            std::fs::read(&part).map_err(|e| format!("the printed file is missing: {e}"))?;
        if !bytes.starts_with(b"%PDF") {
            return Err("the print engine wrote something that is not a PDF".into());
        }
        std::fs::rename(&part, path)
            .map_err(|e| format!("{} could not be written: {e}", path.display()))
    });
    if finish.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    finish
}

/// Prints the loaded page to `out` (a file: URL) with the page set up for a letter.
#[cfg(target_os = "linux")]
fn start_print(
    webview: webkit2gtk::WebView,
    out: &str,
    report: std::sync::mpsc::Sender<Result<(), String>>,
) {
    use gtk::{PageSetup, PrintSettings, Unit};
    use webkit2gtk::PrintOperationExt;

    let settings = PrintSettings::new();
    settings.set_printer("Print to File");
    settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
    settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(out));
    let setup = PageSetup::new();
    for set in [
        PageSetup::set_top_margin,
        PageSetup::set_bottom_margin,
        PageSetup::set_left_margin,
        PageSetup::set_right_margin,
    ] {
        set(&setup, 20.0, Unit::Mm);
    }
    let operation = webkit2gtk::PrintOperation::new(&webview);
    operation.set_print_settings(&settings);
    operation.set_page_setup(&setup);
    // The operation is kept alive until it reports, then let go.
    let alive = std::rc::Rc::new(std::cell::RefCell::new(Some(operation.clone())));
    let (failed, kept) = (report.clone(), alive.clone());
    operation.connect_failed(move |_, e| {
        let _ = failed.send(Err(e.to_string()));
        kept.borrow_mut().take();
    });
    operation.connect_finished(move |_| {
        let _ = report.send(Ok(()));
        alive.borrow_mut().take();
    });
    operation.print();
}

#[cfg(not(target_os = "linux"))]
fn print_to_pdf(_app: &AppHandle, _html: &str, _path: &Path) -> Result<(), String> {
    Err("Save as PDF needs the Linux print engine; export HTML and print it from a browser".into())
}

/// A number that differs between two prints in one run, for temporary names.
fn unique_number() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}
