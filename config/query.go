package config

import (
	"fmt"
	"regexp"
)

// Query configures how chat questions about cases are read and answered.
type Query struct {
	// Courts are the codes of the bureau's own courts (黔0115). A short case
	// number such as 行初123 means (this year)<court>行初123号 for each of
	// them. If unset, short numbers are not guessed and the user is asked
	// for the full number.
	Courts []string `mapstructure:"courts"`
	// PageSize is how many cases one answer lists before “更多”. If unset, 8.
	PageSize int `mapstructure:"page_size"`
}

// courtCode is the shape of a court code in a 2016-format case number.
var courtCode = regexp.MustCompile(`^(最高法|\p{Han}(\d{2}|\d{4})?)$`)

func (q Query) validate() error {
	for _, c := range q.Courts {
		if !courtCode.MatchString(c) {
			return fmt.Errorf("配置 query.courts 中的“%s”不是法院代字，应形如 黔0115（省份简称加 2 或 4 位数字）", c)
		}
	}
	if q.PageSize < 1 || q.PageSize > 20 {
		return fmt.Errorf("配置 query.page_size=%d 应在 1 到 20 之间", q.PageSize)
	}
	return nil
}
