package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs one command line as main would, with empty stdin, and
// returns its exit status and what it wrote.
func runCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(""), &out, &errb)
	return status, out.String(), errb.String()
}
