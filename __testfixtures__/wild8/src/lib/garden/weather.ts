// Open-Meteo, no key needed. The garden is at the allotments behind the library.
const LAT = 51.752;
const LON = -1.2577;

export interface Forecast {
	summary: string;
	rainMm: number;
	tempC: number;
}

interface OpenMeteoResponse {
	current: { temperature_2m: number; precipitation: number; weather_code: number };
}

export async function fetchForecast(signal?: AbortSignal): Promise<Forecast> {
	const url = `https://api.open-meteo.com/v1/forecast?latitude=${LAT}&longitude=${LON}&current=temperature_2m,precipitation,weather_code`;
	const res = await fetch(url, { signal });
	if (!res.ok) throw new Error(`forecast ${res.status}`);
	const body = (await res.json()) as OpenMeteoResponse;
	const { temperature_2m, precipitation, weather_code } = body.current;
	return {
		summary: `${Math.round(temperature_2m)}°C, ${weather_code >= 51 ? 'wet' : 'dry'}`,
		rainMm: precipitation,
		tempC: temperature_2m
	};
}
