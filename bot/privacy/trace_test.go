package privacy

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestTrace prints, for the text in PRIVACY_TRACE, every name a pass
// adds and the pass that added it, then the anonymized text: a tool for
// finding which rule read a false name. It is skipped without the variable.
func TestTrace(t *testing.T) {
	text := os.Getenv("PRIVACY_TRACE")
	if text == "" {
		t.Skip("set PRIVACY_TRACE to a text to trace")
	}
	traceAdd = func(name string) {
		var frames []string
		for k := 2; k <= 3; k++ {
			if pc, _, line, ok := runtime.Caller(k); ok {
				fn := runtime.FuncForPC(pc).Name()
				frames = append(frames, fmt.Sprintf("%s:%d", fn[strings.LastIndex(fn, ".")+1:], line))
			}
		}
		fmt.Printf("add %s by %s\n", name, strings.Join(frames, " < "))
	}
	defer func() { traceAdd = nil }()
	a := NewAnonymizer()
	a.Prepare(text)
	fmt.Println(a.Anonymize(text))
}
