import Foundation
import KPlanFuzzCheck

// SwiftPM links an executable through its own renamed entry point, so libFuzzer's `main`
// cannot be used; its driver is started from here instead. Scripts/fuzz builds this with
// libFuzzer's instrumentation and AddressSanitizer.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    if let broken = PipelineProperty.violation(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(broken)
    }
    return 0
})
