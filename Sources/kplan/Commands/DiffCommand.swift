import Foundation
import KPlanCore

/// Runs git with an argument list (never through a shell), so revisions and file names
/// from the user cannot be read as options or commands.
enum Git {
    static func run(_ args: [String], in directory: String? = nil) -> Subprocess.Result {
        let arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + args
        do { return try Subprocess.run("/usr/bin/env", arguments) } catch {
            return Subprocess.Result(status: 127, out: [], err: error.localizedDescription)
        }
    }

    /// The file's bytes at a revision (`REV:./path`, relative to `directory` or the current folder).
    static func show(_ rev: String, _ path: String, in directory: String? = nil) -> [UInt8]? {
        let r = run(["show", "--end-of-options", "\(rev):./\(path)"], in: directory)
        return r.status == 0 ? r.out : nil
    }

    /// Fails when git is not installed (env finds no `git`): otherwise each caller would
    /// blame the revision or the folder it asked about.
    static func requireInstalled() throws {
        if run(["--version"]).status == 127 { throw Console.fail(Text.get("cli.git.missing"), ExitStatus.io) }
    }

    static func verify(_ rev: String) -> Bool {
        run(["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"]).status == 0
    }
}

struct DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        arguments: [ArgumentSpec("argumenter", .any)],
        options: [.choice("format", OutputFormat.self, help: Text.get("cli.diff.option.format"), default: .text)],
        passthrough: true)

    enum OutputFormat: String, CaseIterable { case text, json }

    let arguments: [String]
    let format: OutputFormat

    init(_ a: ParsedArguments) {
        arguments = a.arguments("argumenter")
        format = a.choice("format")
    }

    func run() throws {
        // Each file's bytes are let go once decoded: two versions of a large plan held as
        // bytes and as plans were more memory than the plans alone.
        var pairs = Array(try comparisons().reversed())
        var changed = false
        var results: [(String, PlanDiff)] = []
        while let (name, old, new) = pairs.popLast() {
            let a = try decode(consume old, name), b = try decode(consume new, name)
            let d = PlanDiffer.diff(a, b)
            changed = changed || !d.isEmpty
            results.append((name, d))
        }
        switch format {
        case .text:
            for (name, d) in results {
                if results.count > 1 { Console.out("== \(name)\n") }
                Console.out(d.isEmpty ? Text.get("diff.none") + "\n" : d.text)
            }
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("formatVersion"); w.string("1.0")
            w.key("files"); w.beginArray()
            for (name, d) in results {
                w.beginObject()
                w.key("file"); w.string(name)
                w.key("changes"); w.beginArray()
                for c in d.changes {
                    w.beginObject()
                    w.key("kind"); w.string(c.kind.rawValue)
                    w.key("subject"); w.string(c.subject)
                    w.key("detail"); w.string(c.detail)
                    // Where it is, for tools: the list (null for the plan's own fields), the
                    // item's key in it, and the field's path (null for a whole item).
                    w.key("list"); if let list = c.list { w.string(list) } else { w.null() }
                    w.key("key"); w.string(c.key)
                    w.key("field"); if let field = c.field { w.string(field) } else { w.null() }
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Console.out(String(decoding: w.finish(), as: UTF8.self))
        }
        if changed { throw ExitCode(ExitStatus.findings) }
    }

    func decode(_ bytes: [UInt8]?, _ name: String) throws -> Plan {
        guard let bytes else { return PlanFile.skeleton(municipality: "", number: "0000", county: "", from: 2000, to: 2000).emptied }
        let r = PlanDecoder().decode(bytes)
        guard let plan = r.plan, !r.hasErrors else {
            Console.printDiagnostics(DiagnosticRenderer.sorted(r.diagnostics), file: name, bytes: bytes)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return plan
    }

    /// (name, old bytes, new bytes) for each file to compare; nil bytes mean "did not exist".
    func comparisons() throws -> [(String, [UInt8]?, [UInt8]?)] {
        let split = arguments.firstIndex(of: "--")
        let revs = Array(arguments[..<(split ?? arguments.endIndex)])
        var files = split.map { Array(arguments[arguments.index(after: $0)...]) } ?? []
        if split == nil, revs.count == 2, revs.allSatisfy({ FileManager.default.fileExists(atPath: $0) && !Git.verify($0) }) {
            do {
                return [(revs[1], try PlanStore.read(revs[0]), try PlanStore.read(revs[1]))]
            } catch {
                throw Console.fail(error.description, ExitStatus.io)
            }
        }
        guard revs.count <= 2 else { throw UsageError(message: Text.get("cli.diff.usage"), command: Self.spec) }
        try Git.requireInstalled()
        for r in revs where !Git.verify(r) { throw Console.fail(Text.get("cli.diff.bad-revision", r), ExitStatus.usage) }
        if files.isEmpty {
            let listed = Git.run(["ls-files", "--", "*.kplan.json"])
            guard listed.status == 0 else { throw Console.fail(Text.get("cli.diff.not-git"), ExitStatus.usage) }
            files = String(decoding: listed.out, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        let old = revs.first ?? "HEAD"
        return try files.map { f in
            let before = Git.show(old, f)
            let after: [UInt8]?
            if revs.count == 2 {
                after = Git.show(revs[1], f)
            } else {
                after = FileManager.default.fileExists(atPath: f) ? try PlanStore.read(f) : nil
            }
            return (f, before, after)
        }
    }
}

struct TextConvCommand: Command {
    static let spec = CommandSpec(
        name: "textconv",
        arguments: [ArgumentSpec("fil")])

    let file: String

    init(_ a: ParsedArguments) { file = a.required("fil") }

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try PlanStore.read(file) } catch { throw Console.fail(error.description, ExitStatus.io) }
        let r = PlanDecoder().decode(bytes)
        guard let plan = r.plan, !r.hasErrors else {
            // git shows the raw text rather than nothing when a revision is not a valid plan.
            Console.out(String(decoding: bytes, as: UTF8.self))
            return
        }
        Console.out(TextConv.render(plan))
    }
}

struct GitSetupCommand: Command {
    static let spec = CommandSpec(name: "git-setup")

    init(_ a: ParsedArguments) {}

    func run() throws {
        try Git.requireInstalled()
        let top = Git.run(["rev-parse", "--show-toplevel"])
        guard top.status == 0 else { throw Console.fail(Text.get("cli.diff.not-git"), ExitStatus.usage) }
        let root = String(decoding: top.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let attributes = root + "/.gitattributes"
        try Self.ensure(["*.kplan.json text eol=lf diff=kplan merge=kplan"], in: attributes)
        // The recovery journal and the plan file it keeps are the editor's, never the
        // repository's: excluded locally, as a .gitignore in the repository would be shared.
        let gitPath = Git.run(["rev-parse", "--git-path", "info/exclude"])
        guard gitPath.status == 0 else { throw Console.fail(gitPath.err, ExitStatus.io) }
        let exclude = URL(fileURLWithPath: String(decoding: gitPath.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            .standardizedFileURL.path
        try? FileManager.default.createDirectory(atPath: (exclude as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.ensure(["*.kplan-journal", "*.kplan-journal-base"], in: exclude)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let executable = FileManager.default.isExecutableFile(atPath: binary) ? binary : "kplan"
        for (key, value) in [("diff.kplan.textconv", "'\(executable)' textconv"), ("diff.kplan.cachetextconv", "false"),
                             ("merge.kplan.name", "kplan: fletter planer etter id"), ("merge.kplan.driver", "'\(executable)' merge-driver %O %A %B")] {
            let r = Git.run(["config", "--local", key, value])
            guard r.status == 0 else { throw Console.fail(r.err, ExitStatus.io) }
        }
        Console.out(Text.get("cli.git-setup.done", attributes, exclude) + "\n")
    }

    /// Adds each line the file does not already have.
    static func ensure(_ lines: [String], in path: String) throws {
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let missing = lines.filter { !text.split(separator: "\n").contains(Substring($0)) }
        guard !missing.isEmpty else { return }
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += missing.map { $0 + "\n" }.joined()
        do { try PlanStore.write(Array(text.utf8), to: path, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
    }
}

extension Plan {
    /// A plan with nothing in it, to diff a file against when it did not exist.
    var emptied: Plan {
        var p = self
        p.policies = []
        p.title = ""
        p.owner = Person(name: "", role: "")
        return p
    }
}

struct MergeDriverCommand: Command {
    static let spec = CommandSpec(
        name: "merge-driver",
        arguments: [ArgumentSpec("forfar"),
                    ArgumentSpec("vår"),
                    ArgumentSpec("deres")],
        hidden: true)

    let base: String
    let ours: String
    let theirs: String

    init(_ a: ParsedArguments) {
        (base, ours, theirs) = (a.required("forfar"), a.required("vår"), a.required("deres"))
    }

    func run() throws {
        func load(_ path: String) throws -> Plan {
            let bytes: [UInt8]
            do { bytes = try PlanStore.read(path) } catch { throw Console.fail(error.description, ExitStatus.io) }
            let r = PlanDecoder().decode(bytes)
            guard let plan = r.plan, !r.hasErrors else {
                Console.printDiagnostics(DiagnosticRenderer.sorted(r.diagnostics), file: path, bytes: bytes)
                throw ExitCode(ExitStatus.findings)
            }
            return plan
        }
        let result = PlanMerge.merge(base: try load(base), ours: try load(ours), theirs: try load(theirs))
        do { try PlanStore.write(result.bytes, to: ours, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
        for subject in result.keptOverDeletion {
            Console.err(Text.get("cli.merge.kept-over-deletion", subject) + "\n")
        }
        if !result.conflicts.isEmpty {
            Console.err(Text.get("cli.merge.conflicts", result.conflicts.joined(separator: ", ")) + "\n")
            throw ExitCode(ExitStatus.findings)
        }
    }
}
