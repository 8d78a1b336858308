// The bundled dictionary of everyday objects (seed-data/repair-objects.csv), parsed once.
import csv from "../../../seed-data/repair-objects.csv?raw";
import { parseRepairObjects, type RepairObject } from "./repair-objects";

export const repairObjects: readonly RepairObject[] = parseRepairObjects(csv);
