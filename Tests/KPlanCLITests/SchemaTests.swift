import Foundation
import Testing

/// Plans/kplan.schema.json is for editors; Python's jsonschema checks it independently of
/// kplan's own decoder, and that its code lists match the bundled catalog.
@Suite struct SchemaTests {
    @Test func everyPlanValidatesAndCodesMatchTheCatalog() throws {
        let script = """
        import json, glob, sys, jsonschema
        root = sys.argv[1]
        schema = json.load(open(root + '/Plans/kplan.schema.json'))
        jsonschema.Draft202012Validator.check_schema(schema)
        plans = sorted(glob.glob(root + '/Plans/*.kplan.json'))
        assert plans, 'no plans'
        for p in plans:
            jsonschema.validate(json.load(open(p, encoding='utf-8')), schema, cls=jsonschema.Draft202012Validator)
        cat = json.load(open(root + '/Sources/KPlanCore/Resources/catalog.json'))
        for key, name in [('occupations', 'occupation'), ('programmes', 'programme'), ('strategies', 'strategy'),
                          ('measureKinds', 'measureKind'), ('costCategories', 'costCategory'), ('fundingSources', 'fundingSource'),
                          ('decisionKinds', 'decisionKind'), ('services', 'service'), ('memberRoles', 'memberRole')]:
            assert schema['$defs'][name]['enum'] == [e['code'] for e in cat[key]], name
        bad = json.load(open(plans[0], encoding='utf-8'))
        bad['needs'][0]['occupation'] = 'sykepleir'
        try:
            jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)
            sys.exit('schema accepted a misspelt occupation')
        except jsonschema.ValidationError:
            pass
        print(len(plans), 'ok')
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, CLI.root.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(e)")
        #expect(o.hasSuffix(" ok\n"))
    }
}
