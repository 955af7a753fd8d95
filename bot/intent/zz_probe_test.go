package intent

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	for _, m := range strings.Split(os.Getenv("PROBE"), "|") {
		u, _ := Understand(m, Options{Now: time.Date(2026, 11, 19, 8, 40, 0, 0, time.Local)})
		fmt.Printf("%s => ag=%q res=%q fill=%q asp=%s\n", m, u.Agency, u.Residue, u.Filler, u.Aspect)
	}
}
