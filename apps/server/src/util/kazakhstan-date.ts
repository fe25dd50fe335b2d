// Kazakhstan's day and year live in core (one definition for server, browser and seed).
export { kazakhstanDate, kazakhstanYear } from '@qorgau/core';
