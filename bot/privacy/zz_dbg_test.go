package privacy

import (
	"fmt"
	"testing"
)

func TestZZ(t *testing.T) {
	d := dict()
	for _, r := range "舍均度全河海馨纯安喜红泉廷山原南城立鹃云兰青天实野蓝正圆露盘军燕凤" {
		fmt.Print(string(r), d.givenScore(r), " ")
	}
	fmt.Println()
}
