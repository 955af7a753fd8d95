package intent

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsFillers keeps the README's list of ignored words (between
// the fillers markers) the same as Fillers.
func TestREADMEListsFillers(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, "<!-- fillers -->"), strings.Index(readme, "<!-- /fillers -->")
	if i < 0 || j < i {
		t.Fatal("README has no <!-- fillers --> … <!-- /fillers --> section")
	}
	want := "<!-- fillers -->\n" + strings.Join(Fillers, " · ") + "\n<!-- /fillers -->"
	if got := readme[i : j+len("<!-- /fillers -->")]; got != want {
		t.Errorf("README's filler list differs from intent.Fillers; write it as:\n%s", want)
	}
}
