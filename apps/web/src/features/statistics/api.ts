import { RegionsStatistics, StatisticsRecords, Trend, YearStatistics } from '@qorgau/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';
import { filterQuery, type StatisticsFilters, TREND_YEARS } from './filters.ts';

export const RECORDS_PAGE_SIZE = 20;

/** Identified victims for the ten years up to this one (the filters apply; the region too). */
export function useTrend(thisYear: number, f: Omit<StatisticsFilters, 'year'>) {
  const { year: _, ...filters } = filterQuery({ ...f, year: thisYear });
  return useQuery({
    queryKey: ['statistics', 'trend', thisYear, filters],
    queryFn: () => http.get('/statistics/trend', Trend, { from: thisYear - TREND_YEARS + 1, to: thisYear, ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useYearStatistics(f: StatisticsFilters) {
  const q = filterQuery(f);
  return useQuery({ queryKey: ['statistics', 'year', q], queryFn: () => http.get('/statistics/year', YearStatistics, q), placeholderData: keepPreviousData });
}

/** The map's figures: every region, whatever region is selected. */
export function useRegionStatistics(f: StatisticsFilters) {
  const q = filterQuery(f, { withRegion: false });
  return useQuery({
    queryKey: ['statistics', 'regions', q],
    queryFn: () => http.get('/statistics/regions', RegionsStatistics, q),
    placeholderData: keepPreviousData,
  });
}

/** What a "records behind this figure" request asks for: the dashboard's filters and perhaps one more category. */
export interface RecordsRequest extends StatisticsFilters {
  agencyType?: string;
}

export function useStatisticsRecords(r: RecordsRequest | null, page: number) {
  const q = r ? { ...filterQuery(r), ...(r.agencyType ? { agencyType: r.agencyType } : {}), page, pageSize: RECORDS_PAGE_SIZE } : null;
  return useQuery({
    queryKey: ['statistics', 'records', q],
    queryFn: () => http.get('/statistics/records', StatisticsRecords, q ?? {}),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export type ReportEdition = 'official' | 'public';

/** The annual report's address (a plain download: the browser saves the PDF the server sends). */
export const reportUrl = (year: number, lang: string, edition: ReportEdition) =>
  `/api/v1/statistics/report?${new URLSearchParams({ year: String(year), lang, format: 'pdf', edition })}`;
