export { Station } from './station.custom';
export {
	createStation,
	updateStation,
	deleteStation,
	upsertStation,
	type CreateStationData,
	type UpdateStationData
} from './station.generated';
export { Bike, retireBike, type BikeWithStation } from './bike.custom';
export { createBike, updateBike, deleteBike, upsertBike, type CreateBikeData, type UpdateBikeData } from './bike.generated';
export * from './rider.generated';
export * from './rental.generated';
export * from './repair_ticket.generated';
export type { ModelHandle, HandleResultType } from './base';
