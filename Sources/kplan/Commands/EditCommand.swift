import ArgumentParser
import CursesBackend
import Foundation
import KPlanApp
import KPlanCore
import TermUI

/// Options shared by `edit` and `render`: theme and colour.
struct DisplayOptions: ParsableArguments {
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Tema: default, light, high-contrast, mono, eller en sti til en temafil.") var theme: String = "default"
    @Option(help: "Farger: auto (av med NO_COLOR), always eller never.") var color: ColorChoice = .auto

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

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Rediger planen i terminalen (standard: eksempelplanen).",
        discussion: "Taster: ? viser hjelp. Egne taster i $XDG_CONFIG_HOME/kplan/keys.json, f.eks. {\"save\": [\"C-s\", \"C-w\"]}.")

    @Argument(help: "Planfil.") var file: String?
    @OptionGroup var display: DisplayOptions
    @OptionGroup var policies: PolicyOptions

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
        if let problem = keyProblems.first { state.setStatus(problem, error: true) }
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

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Skriv ut et skjermbilde av terminalgrensesnittet som tekst, etter et valgfritt tasteskript.",
        discussion: """
        Tasteskript: vanlig tekst skrives som den er, <Navn> er en navngitt tast (<Down>, <Enter>, <Esc>, <Tab>, <C-s>), << er «<».
        Skjermbilder: oversikt, behov, tiltak, utdanning, budsjett, bemanning, kontroll, vedtak (eller 1–9).
        Ingenting lagres, selv om skriptet trykker lagre.
        """)

    @Argument(help: "Planfil.") var file: String
    @Option(help: "Skjermbilde å starte på.") var screen: String = "oversikt"
    @Option(help: "Størrelse BREDDExHØYDE.") var size: String = "120x40"
    @Option(help: "Tasteskript.") var keys: String = ""
    @OptionGroup var display: DisplayOptions
    @OptionGroup var policies: PolicyOptions

    func validate() throws {
        guard ScreenID(name: screen) != nil else { throw ValidationError(Text.get("cli.render.screen", screen)) }
        guard parsedSize != nil else { throw ValidationError(Text.get("cli.render.size", size)) }
        do { _ = try KeyScript.parse(keys) } catch { throw ValidationError(Text.get("cli.render.keys", keys)) }
    }

    var parsedSize: Size? {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return Size(width: parts[0], height: parts[1])
    }

    func run() throws {
        let set = try policies.policySet()
        let loaded = try loadForEditing(file, policies: set)
        let (theme, _) = try display.resolve(defaultColors: false)
        var state = AppState(plan: loaded.plan!, path: file, disk: loaded.disk, size: parsedSize!, policies: set, theme: theme,
                             colors: false, keymap: DefaultKeymap.make())
        state.screen = ScreenID(name: screen)!
        state.base = committedVersion(of: file, policies: set)
        for key in (try? KeyScript.parse(keys)) ?? [] {
            _ = update(&state, .key(key))
        }
        Console.out(view(state).text)
    }
}
