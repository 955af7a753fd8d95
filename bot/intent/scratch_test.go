package intent

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	o := Options{Now: time.Date(2025, 11, 26, 10, 0, 0, 0, loc), Courts: []string{"黔0115"}}
	b, _ := os.ReadFile("/tmp/scratch/msgs.txt")
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if u, ok, err := ParseUpdate(line, o); ok {
			j, _ := json.Marshal(u)
			fmt.Printf("%-40s U %s err=%v\n", line, j, err)
			continue
		}
		in := Parse(line, o)
		j, _ := json.Marshal(in)
		fmt.Printf("%-40s %s\n", line, j)
	}
}
