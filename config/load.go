package config

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"

	"casebot/bot/textdist"
)

// EnvPrefix starts every environment variable casebot reads.
const EnvPrefix = "CASEBOT"

// EnvName returns the environment variable for a key path: redis.addr is
// CASEBOT_REDIS_ADDR.
func EnvName(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Load reads the YAML file at path (none if empty; CASEBOT_CONFIG is used
// when path is empty and it is set), overlays CASEBOT_* environment
// variables, and returns the typed configuration with its time zone
// resolved. It does not validate required keys: call Validate for the mode.
func Load(path string) (*Config, error) {
	if path == "" {
		path = os.Getenv("CASEBOT_CONFIG")
	}
	v := viper.New()
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	// viper only consults the environment for keys it knows, so every leaf of
	// Config is registered with its default. Adding a field to Config is
	// therefore all it takes to add a key, file and environment alike.
	def := Default()
	for _, leaf := range leaves(reflect.ValueOf(def), "") {
		v.SetDefault(leaf.key, leaf.value)
	}

	if path != "" {
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("读取配置文件 %s 失败：%w", path, err)
		}
	}

	if err := unknownKeys(v.AllKeys()); err != nil {
		return nil, err
	}
	cfg := def
	err := v.UnmarshalExact(&cfg, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(),
		stringToInts,
		mapstructure.StringToSliceHookFunc(","),
	)))
	if err != nil {
		return nil, fmt.Errorf("配置有误：%w", err)
	}
	tidyLists(reflect.ValueOf(&cfg).Elem())
	if err := cfg.resolve(); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// stringToInts splits an environment variable given for a list of numbers
// on commas ("3,0"), as StringToSliceHookFunc does for lists of strings
// (it leaves other lists to the weak decoder, which takes the whole text
// for one number).
func stringToInts(f, t reflect.Type, data any) (any, error) {
	if f.Kind() != reflect.String || t != reflect.TypeOf([]int(nil)) {
		return data, nil
	}
	var out []int
	for _, part := range strings.Split(data.(string), ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil, fmt.Errorf("“%s”不是整数", part)
		}
		out = append(out, n)
	}
	return out, nil
}

// resolve derives the fields computed from others.
func (c *Config) resolve() error {
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return fmt.Errorf("配置 timezone=%q 不是有效的时区（例如 Asia/Shanghai）：%w", c.Timezone, err)
	}
	c.Location = loc
	c.WeCom.APIBase = strings.TrimRight(c.WeCom.APIBase, "/")
	c.LLM.BaseURL = strings.TrimRight(c.LLM.BaseURL, "/")
	c.App.resolve()
	return nil
}

// tidyLists trims every item of every list key below v and drops the empty
// ones. A list given by environment variable is split on commas, so
// "a, b" would otherwise give " b" and "a,,b" or a trailing comma an empty
// item; a YAML list gets the same treatment, so where a list came from
// never changes what it holds.
func tidyLists(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch {
		case f.Kind() == reflect.Struct:
			tidyLists(f)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String && !f.IsNil():
			kept := reflect.MakeSlice(f.Type(), 0, f.Len())
			for j := 0; j < f.Len(); j++ {
				if s := strings.TrimSpace(f.Index(j).String()); s != "" {
					kept = reflect.Append(kept, reflect.ValueOf(s).Convert(f.Type().Elem()))
				}
			}
			f.Set(kept)
		}
	}
}

// MustDefault returns the default configuration with its time zone
// resolved, for tests and the demo.
func MustDefault() *Config {
	c := Default()
	if err := c.resolve(); err != nil {
		panic(err)
	}
	return &c
}

type leaf struct {
	key    string
	value  any
	secret bool
}

// leaves lists every configurable key below v with its current value.
func leaves(v reflect.Value, prefix string) []leaf {
	var out []leaf
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := f.Tag.Get("mapstructure")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		key := name
		if prefix != "" {
			key = prefix + "." + name
		}
		fv := v.Field(i)
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(time.Time{}) {
			out = append(out, leaves(fv, key)...)
			continue
		}
		out = append(out, leaf{key: key, value: fv.Interface(), secret: f.Tag.Get("secret") == "true"})
	}
	return out
}

// unknownKeys refuses keys no field of Config has, naming the first and
// the valid key nearest to it (redis.adr → redis.addr). A key below a
// map-valued key (people.departments.3) is that map's entry.
func unknownKeys(given []string) error {
	known := Keys()
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	maps := map[string]bool{}
	for _, l := range leaves(reflect.ValueOf(Default()), "") {
		if reflect.TypeOf(l.value) != nil && reflect.TypeOf(l.value).Kind() == reflect.Map {
			maps[l.key] = true
		}
	}
	var bad []string
	for _, g := range given {
		if isKnown[g] {
			continue
		}
		inMap := false
		for m := range maps {
			if strings.HasPrefix(g, m+".") {
				inMap = true
			}
		}
		if !inMap {
			bad = append(bad, g)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	best, bestD := "", -1
	for _, k := range known {
		if d := textdist.Distance(bad[0], k); bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	msg := fmt.Sprintf("配置项 %s 不存在", bad[0])
	if bestD >= 0 && bestD <= max(2, len(bad[0])/3) {
		msg += fmt.Sprintf("，是不是 %s？", best)
	} else {
		msg += "；"
	}
	if len(bad) > 1 {
		msg += fmt.Sprintf("另有 %d 个不存在的配置项：%s；", len(bad)-1, strings.Join(bad[1:], "、"))
	}
	return fmt.Errorf("%s全部配置项见 README 的 Configuration 一节", msg)
}

// Keys lists every configuration key, in declaration order.
func Keys() []string {
	var keys []string
	for _, l := range leaves(reflect.ValueOf(Default()), "") {
		keys = append(keys, l.key)
	}
	return keys
}

// Redacted returns key=value pairs with every secret replaced by "***" (or
// empty when unset), safe to print or log.
func (c *Config) Redacted() []string {
	var out []string
	for _, l := range leaves(reflect.ValueOf(*c), "") {
		val := fmt.Sprint(l.value)
		if l.secret && val != "" {
			val = "***"
		}
		out = append(out, l.key+"="+val)
	}
	return out
}

// LogValue keeps secrets out of structured logs: logging a *Config logs
// the redacted form.
func (c *Config) LogValue() slog.Value {
	return slog.AnyValue(c.Redacted())
}

// String keeps secrets out of fmt output too.
func (c *Config) String() string { return strings.Join(c.Redacted(), " ") }

// IsMissing reports whether err is a MissingError.
func IsMissing(err error) bool {
	var m *MissingError
	return errors.As(err, &m)
}
