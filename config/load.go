package config

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
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

	cfg := def
	err := v.UnmarshalExact(&cfg, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(),
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
