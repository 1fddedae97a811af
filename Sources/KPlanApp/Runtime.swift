import KPlanCore
import TermUI

/// The event loop: terminal events become messages, effects are carried out here (the
/// only part of the UI that writes files), and every change is drawn.
@MainActor
public enum Runtime {
    /// Runs until quit or a termination signal; returns the exit status (128 + signal).
    public static func run(_ state: inout AppState, _ terminal: any TerminalBackend) -> Int32 {
        state.size = terminal.size
        var journal = JournalKeeper(state)
        terminal.present(view(state), theme: state.theme, colors: state.colors)
        while true {
            let events = terminal.nextEvents(timeoutMilliseconds: nil)
            if let sig = terminal.terminationSignal { return 128 + sig }
            for event in events {
                let message: Message
                switch event {
                case .key(let k): message = .key(k)
                case .resize(let size): message = .resized(size)
                }
                let done = perform(update(&state, message), &state, terminal)
                journal.keep(&state)
                if done { return 0 }
            }
            terminal.present(view(state), theme: state.theme, colors: state.colors)
        }
    }

    /// Carries out effects in order; returns true when the program should end. A failed
    /// save cancels a quit that follows it, so nothing is lost.
    static func perform(_ effects: [Effect], _ state: inout AppState, _ terminal: any TerminalBackend) -> Bool {
        for effect in effects {
            switch effect {
            case .save(let plan, let path, let expected):
                do {
                    try PlanFile.save(plan, to: path, expected: expected)
                    _ = update(&state, .saved(PlanStore.diskVersion(path)))
                } catch {
                    _ = update(&state, error == .changedOnDisk(path) ? .changedOnDisk : .saveFailed(error.description))
                    return false
                }
            case .reload(let path):
                do {
                    let loaded = try PlanFile.load(path)
                    guard let plan = loaded.plan, !loaded.hasErrors else {
                        _ = update(&state, .saveFailed(Text.get("ui.reload-invalid", path)))
                        return false
                    }
                    _ = update(&state, .reloaded(plan, loaded.disk))
                } catch {
                    _ = update(&state, .saveFailed(error.description))
                }
            case .saveCopy(let plan, let path):
                do {
                    try PlanFile.save(plan, to: path, expected: nil)
                    _ = update(&state, .copySaved(path))
                } catch {
                    _ = update(&state, .saveFailed(error.description))
                    return false
                }
            case .export(let document, let format, let path):
                // groff takes seconds on a large plan: the status line says what is going on.
                terminal.present(view(state), theme: state.theme, colors: state.colors)
                do {
                    let bytes = try Export.bytes(document, format, plan: state.plan, report: state.report,
                                                 catalog: state.catalog, policies: state.policies)
                    try PlanStore.write(bytes, to: path, expected: nil)
                    _ = update(&state, .exported(document, path: path))
                } catch {
                    _ = update(&state, .exportFailed(String(describing: error)))
                }
            case .copy(let text): terminal.copyToClipboard(text)
            case .quit: return true
            case .suspend: terminal.suspend()
            case .discardJournal: Journal.remove(for: state.document.path)
            }
        }
        return false
    }
}
