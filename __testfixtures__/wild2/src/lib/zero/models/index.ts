export * from './visit.generated';
export * from './invoice.generated';
export * from './device.generated';
export {
	createTechnician,
	updateTechnician,
	deleteTechnician,
	upsertTechnician,
	type CreateTechnicianData,
	type UpdateTechnicianData,
	type TechnicianHandle,
	type TechnicianMutationResult
} from './technician.generated';
export * from './technician.custom';
