import { type Country, countryMatches, countryName, OVERSEAS_COUNTRIES } from '@sw/contracts';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';

type CountryOption = { value: string; label: string; country: Country };

type CountrySelectProps = {
  /** Set by antd Form.Item so its label points at the search box. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
};

/**
 * 所在国家或地区 (seed 004 §1.5: 可输入编码选中或下拉选择地区): every ISO 3166-1 entry except mainland
 * China, named in the interface language and ordered as that language sorts; typing an alpha-3 or
 * alpha-2 code, or part of a name in Chinese or English, narrows the list.
 */
export function CountrySelect({ id, value, onChange, placeholder }: CountrySelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useMemo<CountryOption[]>(() => {
    const collator = new Intl.Collator(locale);
    return OVERSEAS_COUNTRIES.map((country) => {
      const name = countryName(country, locale);
      return { value: country.alpha3, label: `${name} (${country.alpha3})`, country, name };
    })
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ name: _name, ...option }) => option);
  }, [locale]);

  return (
    <Select<string, CountryOption>
      id={id}
      className="sw-country-select"
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={placeholder}
      notFoundContent={t('overseas.countryNotFound')}
      showSearch={{
        filterOption: (input, option) => (option ? countryMatches(option.country, input) : false),
        // a typed code first: "USA" puts the United States above names that merely contain "usa"
        filterSort: (a, b, { searchValue }) => {
          const q = searchValue.trim().toUpperCase();
          const rank = (o: CountryOption) => (o.country.alpha3 === q || o.country.alpha2 === q ? 0 : 1);
          return rank(a) - rank(b);
        },
      }}
      allowClear
    />
  );
}
