// Hand-written additions to the generated Plot model (the generator leaves *.custom.ts alone).
import { getZero } from '../client';
import { ModelHandle, applyConditions } from '../model-handle.svelte';
import { ReactiveQuery } from '../reactive-query.svelte';
import { Plot as GeneratedPlot, type Plot as PlotRow } from './plot.generated';
import type { Gardener } from './gardener.generated';
import type { Harvest } from './harvest.generated';

/** Re-exported under the same name so `import { Plot } from '$lib/zero'` still gives the row type. */
export type Plot = PlotRow;
export type PlotRelation = 'gardener' | 'harvests';
export type PlotWithRelations = PlotRow & { gardener?: Gardener | null; harvests?: readonly Harvest[] };

export const Plot = {
	...GeneratedPlot,

	/** `Plot.includes('gardener').all()` — rows come back with the related records attached. */
	includes(...relations: PlotRelation[]) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const withRelations = (q: any) => relations.reduce((acc, rel) => acc.related(rel), q);
		return {
			all(): ModelHandle<PlotWithRelations[]> {
				return new ModelHandle<PlotWithRelations[]>(() => {
					const base = getZero()?.query.plots;
					return base ? withRelations(base).orderBy('code', 'asc') : null;
				}, []);
			},
			where(conditions: Partial<PlotRow>): ModelHandle<PlotWithRelations[]> {
				return new ModelHandle<PlotWithRelations[]>(() => {
					const base = getZero()?.query.plots;
					return base ? withRelations(applyConditions(base, conditions)).orderBy('code', 'asc') : null;
				}, []);
			},
			find(id: string): ModelHandle<PlotWithRelations | null> {
				return new ModelHandle<PlotWithRelations | null>(() => {
					const base = getZero()?.query.plots;
					return base ? withRelations(base.where('id', id)).one() : null;
				}, null);
			}
		};
	},

	/** The plot first, its harvests streaming in behind it (the detail page uses both). */
	findProgressive(id: string) {
		return {
			plot: GeneratedPlot.find(id),
			harvests: new ReactiveQuery<Harvest>(
				() => getZero()?.query.harvests.where('plot_id', id).orderBy('harvested_at', 'desc').limit(50),
				[],
				'5m'
			)
		};
	}
};
