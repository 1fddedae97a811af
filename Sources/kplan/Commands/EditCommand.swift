import CursesBackend
import Foundation
import KPlanApp
import KPlanCore
import TermUI

/// Options shared by `edit` and `render`: theme and colour.
struct DisplayOptions {
    enum ColorChoice: String, CaseIterable { case auto, always, never }

    static let options: [OptionSpec] = [
        .option("theme", "tema", help: Text.get("cli.display.option.theme"), default: "default"),
        .choice("color", ColorChoice.self, help: Text.get("cli.display.option.color"), default: .auto),
    ]
    let theme: String
    let color: ColorChoice

    init(_ a: ParsedArguments) {
        theme = a.required("theme")
        color = a.choice("color")
    }

    func resolve(defaultColors: Bool) throws -> (Theme, Bool) {
        let theme: Theme
        switch ThemeLoader.load(self.theme) {
        case .success(let t): theme = t
        case .failure(let e): throw Console.fail(e.message, ExitStatus.invalidInput)
        }
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        switch color {
        case .always: return (theme, true)
        case .never: return (theme, false)
        case .auto: return (theme, defaultColors && !noColor && theme.name != "mono")
        }
    }
}

/// Loads a plan for the UI: a file with errors cannot be edited safely, so it is refused.
func loadForEditing(_ path: String, policies: PolicySet) throws -> LoadedPlan {
    let loaded: LoadedPlan
    do { loaded = try PlanFile.load(path, decoder: PlanDecoder(policies: policies)) } catch {
        throw Console.fail(error.description, ExitStatus.io)
    }
    guard loaded.plan != nil, !loaded.hasErrors else {
        Console.printDiagnostics(DiagnosticRenderer.sorted(loaded.diagnostics), file: path, bytes: loaded.bytes)
        Console.err(Text.get("cli.edit.fix-first") + "\n")
        throw ExitCode(ExitStatus.invalidInput)
    }
    return loaded
}

struct EditCommand: Command {
    static let spec = CommandSpec(
        name: "edit",
        arguments: [ArgumentSpec("fil", .optional)],
        options: DisplayOptions.options + [PolicyOptions.option])

    let file: String?
    let display: DisplayOptions
    let policies: PolicyOptions

    init(_ a: ParsedArguments) {
        file = a.argument("fil")
        display = DisplayOptions(a)
        policies = PolicyOptions(a)
    }

    func run() throws {
        // The command runs on the main thread; ncurses must stay there.
        try MainActor.assumeIsolated { try runOnMain() }
    }

    @MainActor
    private func runOnMain() throws {
        let set = try policies.policySet()
        let path = file ?? ExamplePlan.path
        let loaded = try loadForEditing(path, policies: set)
        let (theme, colors) = try display.resolve(defaultColors: true)
        let (keymap, keyProblems) = KeymapLoader.load(KeymapLoader.defaultPath)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch {
            throw Console.fail(error.description, ExitStatus.usage)
        }
        var state = AppState(plan: loaded.plan!, path: path, disk: loaded.disk, size: terminal.size, policies: set, theme: theme,
                             colors: colors, keymap: keymap)
        state.today = Format.isoDate(Date())
        if !keyProblems.isEmpty { state.setStatus(keyProblems.joined(separator: " · "), error: true) }
        state.base = committedVersion(of: path, policies: set)
        if let entry = Journal.read(for: path, decoder: PlanDecoder(policies: set)) {
            if entry.plan == state.plan { Journal.remove(for: path) } else { state.offerRecovery(entry) }
        }
        let status = Runtime.run(&state, terminal)
        terminal.stop()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The plan as last committed to git, if the file is in a repository and decodes.
func committedVersion(of path: String, policies: PolicySet) -> Plan? {
    let url = URL(fileURLWithPath: path)
    guard let bytes = Git.show("HEAD", url.lastPathComponent, in: url.deletingLastPathComponent().path) else { return nil }
    let r = PlanDecoder(policies: policies).decode(bytes)
    return r.hasErrors ? nil : r.plan
}

struct RenderCommand: Command {
    static let spec = CommandSpec(
        name: "render",
        arguments: [ArgumentSpec("fil")],
        options: [.option("screen", "skjerm", help: Text.get("cli.render.option.screen"), default: "oversikt"),
                  .option("size", "BREDDExHØYDE", help: Text.get("cli.render.option.size"), default: "120x40"),
                  .option("keys", "skript", help: Text.get("cli.render.option.keys"))]
            + DisplayOptions.options + [PolicyOptions.option])

    let file: String
    let screen: ScreenID
    let size: Size
    let keys: [Key]
    let display: DisplayOptions
    let policies: PolicyOptions

    init(_ a: ParsedArguments) throws(UsageError) {
        file = a.required("fil")
        let screenName = a.required("screen"), sizeText = a.required("size"), script = a.value("keys") ?? ""
        guard let screen = ScreenID(name: screenName) else { throw UsageError(message: Text.get("cli.render.screen", screenName), command: Self.spec) }
        guard let size = Self.size(sizeText) else { throw UsageError(message: Text.get("cli.render.size", sizeText), command: Self.spec) }
        guard let keys = try? KeyScript.parse(script) else { throw UsageError(message: Text.get("cli.render.keys", script), command: Self.spec) }
        (self.screen, self.size, self.keys) = (screen, size, keys)
        display = DisplayOptions(a)
        policies = PolicyOptions(a)
    }

    static func size(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return Size(width: parts[0], height: parts[1])
    }

    func run() throws {
        let set = try policies.policySet()
        let loaded = try loadForEditing(file, policies: set)
        let (theme, _) = try display.resolve(defaultColors: false)
        var state = AppState(plan: loaded.plan!, path: file, disk: loaded.disk, size: size, policies: set, theme: theme,
                             colors: false, keymap: DefaultKeymap.make())
        state.screen = screen
        state.base = committedVersion(of: file, policies: set)
        for key in keys { _ = update(&state, .key(key)) }
        Console.out(view(state).text)
    }
}
