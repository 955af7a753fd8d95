package privacy

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestProbe anonymizes each line of the file in PRIVACY_PROBE and prints
// the output next to the input (skipped without it).
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
		a := NewAnonymizer()
		a.Prepare(l)
		fmt.Printf("%s\n  → %s\n", l, a.Anonymize(l))
	}
}
