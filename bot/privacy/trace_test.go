package privacy

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// Two tools for finding why a rule reads a false name or misses one; both
// skip unless their variable is set.
//
//	PRIVACY_TRACE='原告：同意调解。' go test -run TestTrace -v ./bot/privacy
//	PRIVACY_PROBE=lines.txt go test -run TestProbe -v ./bot/privacy

// TestTrace prints, for the text in PRIVACY_TRACE, every name a pass adds
// and the pass that added it, then the anonymized text.
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
	probe(text)
}

// TestProbe anonymizes each line of the file in PRIVACY_PROBE on its own
// and prints the output under the input.
func TestProbe(t *testing.T) {
	p := os.Getenv("PRIVACY_PROBE")
	if p == "" {
		t.Skip("set PRIVACY_PROBE to a file of lines")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		fmt.Println(l)
		probe(l)
	}
}

func probe(text string) {
	a := NewAnonymizer()
	a.Prepare(text)
	fmt.Println("  → " + a.Anonymize(text))
}
